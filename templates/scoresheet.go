package templates

import (
	"fmt"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The expert scoring sheet: each expert of the expert council scores each
// concept by the Criteria (item 20) on the scale of the council's procedure
// (item 19); the points reach the organizer (item 21). One page per sheet.
func init() {
	register(&Kind{
		Name:     "scoresheet",
		Order:    70,
		NewInput: func() any { return &competition.ScoreSheets{} },
		Build:    buildScoreSheets,
	})
}

func buildScoreSheets(input any, lang catalog.Lang, _ BuildOptions) (*document.Document, error) {
	s, ok := input.(*competition.ScoreSheets)
	if !ok {
		return nil, fmt.Errorf("scoresheet: input is %T, want *competition.ScoreSheets", input)
	}
	doc := &document.Document{Kind: "scoresheet", Lang: string(lang), Title: catalog.T(lang, "scoresheet.title")}
	for i := range s.Sheets {
		if i > 0 {
			doc.Blocks = append(doc.Blocks, document.PageBreak{})
		}
		doc.Blocks = append(doc.Blocks, expertSheet(lang, s.Scale, &s.Sheets[i])...)
	}
	return doc, nil
}

func expertSheet(lang catalog.Lang, scale competition.ScoreScale, sh *competition.ExpertSheet) []document.Block {
	l := string(lang)
	t := func(key string, kv ...string) string { return catalog.T(lang, "scoresheet."+key, kv...) }
	labelled := func(label, value string) document.Paragraph {
		return document.Paragraph{Runs: []document.Run{{Text: label + " ", Bold: true}, {Text: value}}, Size: 12}
	}
	blocks := []document.Block{
		document.Heading{Text: t("title"), Level: 1},
		document.Paragraph{Runs: []document.Run{{Text: t("basis")}}, Align: document.AlignCenter, Size: 12, SpaceAfterPt: 4},
		labelled(t("cluster"), sh.Cluster.In(l)),
		labelled(t("applicant"), sh.Applicant.In(l)),
	}
	if sh.Application != "" {
		blocks = append(blocks, labelled(t("application"), sh.Application))
	}
	blocks = append(blocks,
		labelled(t("expert"), sh.Expert),
		document.Paragraph{Runs: []document.Run{{Text: t("scale", "min", fmt.Sprint(scale.Min), "max", fmt.Sprint(scale.Max)), Italic: true}},
			Align: document.AlignJustify, Size: 12, SpaceAfterPt: 4},
	)
	tab := document.Table{
		Widths:     []float64{7, 63, 8, 22},
		HeaderRows: 1,
		Size:       10, // one sheet a page
		Rows: []document.Row{{Cells: []document.Cell{
			headerCell(t("col.number")), headerCell(t("col.criterion")), headerCell(t("col.score")), headerCell(t("col.comment")),
		}}},
	}
	for _, g := range competition.CriterionGroupList {
		// The group's row carries its subtotal, so a sheet fits one page.
		tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{
			{Text: fmt.Sprintf("%d.", g.Number), Bold: true, Align: document.AlignCenter},
			{Text: g.Title.In(l), Bold: true},
			{Text: fmt.Sprint(sh.GroupTotal(g.Number)), Bold: true, Align: document.AlignCenter},
			{Runs: []document.Run{{Text: t("group_total"), Italic: true}}},
		}})
		for _, c := range competition.Criteria {
			if c.Group != g.Number {
				continue
			}
			score, comment := "", ""
			if sc := sh.ScoreOf(c.ID); sc != nil {
				score = fmt.Sprint(sc.Score)
				if sc.Comment != nil {
					comment = sc.Comment.In(l)
				}
			}
			tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{
				{Text: c.ID, Align: document.AlignCenter}, {Text: c.Title.In(l)},
				{Text: score, Align: document.AlignCenter}, {Text: comment},
			}})
		}
	}
	tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{
		{Text: t("total", "max", fmt.Sprint(scale.Max*len(competition.Criteria))), Bold: true, ColSpan: 2},
		{Text: fmt.Sprint(sh.Total()), Bold: true, Align: document.AlignCenter}, {},
	}})
	date := ""
	if !sh.Date.IsZero() {
		date = t("date", "date", receiptDate(lang, sh.Date))
	}
	return append(blocks, tab, document.Spacer{HeightPt: 10},
		document.SignatureBlock{
			Position:         t("signature.position"),
			Name:             sh.Expert,
			SignatureCaption: catalog.T(lang, "form.caption.signature"),
			NameCaption:      catalog.T(lang, "form.caption.fullname"),
			Date:             date,
		})
}
