package templates

import (
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// outlineBlocks lays out a concept's or strategy's structure: each heading of
// the decree's outline with its number, followed by the applicant's content;
// figures an item computes (a table of companies, a cash flow) are inserted
// by extra after the item's own text.
func outlineBlocks(lang catalog.Lang, o competition.Outline, sections map[string]competition.Content,
	extra map[string]func() []document.Block) []document.Block {
	l := string(lang)
	var blocks []document.Block
	for _, it := range o {
		title := catalog.T(lang, it.Key)
		switch {
		case it.Note && it.Level == 1:
			blocks = append(blocks, document.Heading{Text: title, Level: 1})
		case it.Note:
			blocks = append(blocks, document.Paragraph{Runs: []document.Run{{Text: title, Italic: true}},
				Align: document.AlignJustify, FirstLineIndent: true, KeepWithNext: true})
		case it.Level == 1:
			blocks = append(blocks, document.Heading{Text: it.Mark + " " + title, Level: 2})
		case it.Level == 2:
			blocks = append(blocks, document.Heading{Text: it.Mark + " " + title, Level: 3})
		default:
			blocks = append(blocks, document.Paragraph{Runs: []document.Run{{Text: title, Bold: true, Italic: true}},
				Align: document.AlignJustify, FirstLineIndent: true, KeepWithNext: true, SpaceBeforePt: 3})
		}
		blocks = append(blocks, contentBlocks(l, sections[it.ID])...)
		if f := extra[it.ID]; f != nil {
			blocks = append(blocks, f()...)
		}
	}
	return blocks
}

// contentBlocks turns the applicant's paragraphs and tables into blocks.
func contentBlocks(lang string, c competition.Content) []document.Block {
	var blocks []document.Block
	for _, b := range c {
		switch {
		case b.Text != nil:
			blocks = append(blocks, document.Justified(b.Text.In(lang)))
		case b.Table != nil:
			if b.Table.Caption != nil && !b.Table.Caption.Empty() {
				blocks = append(blocks, document.Paragraph{Runs: []document.Run{{Text: b.Table.Caption.In(lang), Italic: true}},
					Align: document.AlignLeft, KeepWithNext: true, SpaceBeforePt: 6})
			}
			blocks = append(blocks, applicantTable(lang, b.Table))
		}
	}
	return blocks
}

func applicantTable(lang string, t *competition.ContentTable) document.Table {
	widths := make([]float64, len(t.Header))
	header := document.Row{}
	for i, h := range t.Header {
		widths[i] = 1
		header.Cells = append(header.Cells, document.Cell{Text: h.In(lang), Bold: true, Align: document.AlignCenter})
	}
	if len(widths) > 1 {
		widths[0] = 2 // the first column usually names the row
	}
	tab := document.Table{Widths: widths, HeaderRows: 1, Rows: []document.Row{header}}
	for _, r := range t.Rows {
		row := document.Row{}
		for i, c := range r {
			align := document.AlignLeft
			if i > 0 {
				align = document.AlignRight
			}
			row.Cells = append(row.Cells, document.Cell{Text: c.In(lang), Align: align})
		}
		tab.Rows = append(tab.Rows, row)
	}
	return tab
}

// applicantTitle is the title of an applicant's document (concept, strategy,
// roadmap): annex header, the title, and the cluster and applicant on
// fill-in lines with the seed's captions.
func applicantTitle(lang catalog.Lang, annex, titleKey string, cluster, applicant competition.Text, applicantCaption string) []document.Block {
	l := string(lang)
	return []document.Block{
		annexHeader(lang, annex),
		document.Spacer{HeightPt: 12},
		document.Heading{Text: catalog.T(lang, titleKey), Level: 1},
		document.FillLine{Value: cluster.In(l), Caption: catalog.T(lang, "form.caption.cluster"), Align: document.AlignCenter},
		document.FillLine{Value: applicant.In(l), Caption: catalog.T(lang, applicantCaption), Align: document.AlignCenter},
		document.Spacer{HeightPt: 6},
	}
}

// amount writes a sum in thousand tenge as kk and ru documents do.
func amount(a competition.Amount) string { return competition.FormatAmount(a) }
