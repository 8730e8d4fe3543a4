package dossier

import (
	"fmt"
	"strings"
	"time"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/document"
)

// texts joins one catalog text in every language of the sheets: Kazakh and
// Russian are printed together, the state language first.
func texts(langs []catalog.Lang, sep, key string, kv ...string) string {
	parts := make([]string, len(langs))
	for i, l := range langs {
		parts[i] = catalog.T(l, key, kv...)
	}
	return strings.Join(parts, sep)
}

// sheetRange prints "5" or "5–12".
func sheetRange(first, last int) string {
	if first == last {
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}

// sheetList prints sheet numbers, runs collapsed: "3, 7–9".
func sheetList(sheets []int) string {
	var out []string
	for i := 0; i < len(sheets); {
		j := i
		for j+1 < len(sheets) && sheets[j+1] == sheets[j]+1 {
			j++
		}
		out = append(out, sheetRange(sheets[i], sheets[j]))
		i = j + 1
	}
	return strings.Join(out, ", ")
}

// largeSheets maps a part's large-format pages to its sheet numbers.
func largeSheets(p part, src *source) []int {
	var out []int
	for _, page := range src.Large {
		if page >= p.From && page <= p.To {
			out = append(out, p.FirstSheet+page-p.From)
		}
	}
	return out
}

// inventoryDocument builds the list of the application's documents bound
// first in volume 1 (item 11): № , title, sheets, volume and notes for every
// document; with several volumes, each volume's number and sheet count.
func inventoryDocument(s *Spec, p plan, srcs []*source, langs []catalog.Lang) *document.Document {
	doc := &document.Document{Kind: "dossier_inventory", Lang: string(langs[0]), NoPageNumbers: true,
		Title: texts(langs, " / ", "dossier.inventory.title")}
	for _, l := range langs {
		doc.Blocks = append(doc.Blocks, document.Heading{Level: 1, Text: catalog.T(l, "dossier.inventory.title")})
	}
	if s.Applicant != "" {
		doc.Blocks = append(doc.Blocks, document.Paragraph{Align: document.AlignCenter, SpaceAfterPt: 6,
			Runs: []document.Run{{Text: texts(langs, "\n", "dossier.inventory.applicant", "name", s.Applicant)}}})
	}
	header := func(key string) document.Cell {
		return document.Cell{Text: texts(langs, " /\n", key), Bold: true, Align: document.AlignCenter}
	}
	table := document.Table{Widths: []float64{10, 46, 14, 8, 22}, HeaderRows: 1, Size: 11,
		Rows: []document.Row{{Cells: []document.Cell{header("dossier.inventory.col.no"),
			header("dossier.inventory.col.title"), header("dossier.inventory.col.sheets"),
			header("dossier.inventory.col.volume"), header("dossier.inventory.col.note")}}}}
	for _, pt := range p.Parts {
		d := s.Documents[pt.Doc]
		kk, ru := d.titles()
		title := kk
		switch {
		case len(langs) == 1 && langs[0] == catalog.RU:
			title = ru
		case len(langs) == 2 && ru != kk:
			title = kk + "\n" + ru
		}
		var notes []string
		if pt.Count > 1 {
			notes = append(notes, texts(langs, "\n", "dossier.inventory.note.part",
				"index", fmt.Sprint(pt.Index), "count", fmt.Sprint(pt.Count)))
		}
		if large := largeSheets(pt, srcs[pt.Doc]); len(large) > 0 {
			notes = append(notes, texts(langs, "\n", "dossier.inventory.note.large", "sheets", sheetList(large)))
		}
		table.Rows = append(table.Rows, document.Row{Cells: []document.Cell{
			{Text: fmt.Sprint(pt.Doc + 1), Align: document.AlignCenter},
			{Text: title},
			{Text: sheetRange(pt.FirstSheet, pt.LastSheet), Align: document.AlignCenter},
			{Text: fmt.Sprint(pt.Volume), Align: document.AlignCenter},
			{Text: strings.Join(notes, "\n")},
		}})
	}
	doc.Blocks = append(doc.Blocks, table)

	totalSheets := 0
	for _, n := range p.VolumeSheets {
		totalSheets += n
	}
	// Item 11: with several volumes, their numbers and sheets in each.
	if len(p.VolumeSheets) > 1 {
		doc.Blocks = append(doc.Blocks, document.Spacer{HeightPt: 8})
		for _, l := range langs {
			doc.Blocks = append(doc.Blocks, document.Heading{Level: 2, Text: catalog.T(l, "dossier.inventory.volumes.title")})
		}
		vt := document.Table{Widths: []float64{20, 40}, HeaderRows: 1, Size: 11,
			Rows: []document.Row{{Cells: []document.Cell{header("dossier.inventory.col.volume"),
				header("dossier.inventory.volumes.col.sheets")}}}}
		for v, n := range p.VolumeSheets {
			vt.Rows = append(vt.Rows, document.Row{Cells: []document.Cell{
				{Text: fmt.Sprint(v + 1), Align: document.AlignCenter},
				{Text: fmt.Sprint(n), Align: document.AlignCenter}}})
		}
		doc.Blocks = append(doc.Blocks, vt)
	}
	doc.Blocks = append(doc.Blocks, document.Spacer{HeightPt: 8})
	for _, l := range langs {
		doc.Blocks = append(doc.Blocks, document.Text(catalog.T(l, "dossier.inventory.total",
			"documents", fmt.Sprint(len(s.Documents)), "volumes", fmt.Sprint(len(p.VolumeSheets)),
			"sheets", sheetsPhrase(l, totalSheets))))
	}
	doc.Blocks = append(doc.Blocks, document.Spacer{HeightPt: 12}, signature(s, langs))
	return doc
}

// certificationDocument builds the certification sheet closing a volume:
// its numbered sheets in figures and words, the inventory's sheets in
// volume 1, large-format sheets, and the compiler's signature.
func certificationDocument(s *Spec, volume, sheets, inventorySheets int, large []int, langs []catalog.Lang) *document.Document {
	doc := &document.Document{Kind: "dossier_certification", Lang: string(langs[0]), NoPageNumbers: true,
		Title: texts(langs, " / ", "dossier.cert.title")}
	for i, l := range langs {
		if i > 0 {
			doc.Blocks = append(doc.Blocks, document.Spacer{HeightPt: 18})
		}
		doc.Blocks = append(doc.Blocks,
			document.Heading{Level: 1, Text: catalog.T(l, "dossier.cert.title")},
			document.Paragraph{Align: document.AlignCenter, SpaceAfterPt: 8,
				Runs: []document.Run{{Text: catalog.T(l, "dossier.cert.volume", "number", fmt.Sprint(volume)), Bold: true}}},
			document.Justified(catalog.T(l, "dossier.cert.sheets", "sheets", sheetsPhrase(l, sheets))))
		if inventorySheets > 0 {
			doc.Blocks = append(doc.Blocks, document.Justified(catalog.T(l, "dossier.cert.inventory",
				"sheets", sheetsPhrase(l, inventorySheets), "range", sheetRange(1, inventorySheets))))
		}
		if len(large) > 0 {
			doc.Blocks = append(doc.Blocks, document.Justified(catalog.T(l, "dossier.cert.large", "sheets", sheetList(large))))
		} else {
			doc.Blocks = append(doc.Blocks, document.Justified(catalog.T(l, "dossier.cert.large_none")))
		}
		doc.Blocks = append(doc.Blocks, document.Justified(catalog.T(l, "dossier.cert.literal")))
	}
	doc.Blocks = append(doc.Blocks, document.Spacer{HeightPt: 18}, signature(s, langs))
	return doc
}

func signature(s *Spec, langs []catalog.Lang) document.SignatureBlock {
	position := s.Compiler.PositionKK
	if len(langs) == 1 && langs[0] == catalog.RU {
		position = s.Compiler.PositionRU
	} else if len(langs) == 2 && s.Compiler.PositionRU != "" && s.Compiler.PositionRU != position {
		position = strings.TrimPrefix(position+" / "+s.Compiler.PositionRU, " / ")
	}
	if position == "" {
		position = texts(langs, " / ", "dossier.cert.position")
	}
	sig := document.SignatureBlock{Position: position, Name: s.Compiler.Name,
		SignatureCaption: texts(langs, " ", "dossier.cert.signature"),
		NameCaption:      texts(langs, " ", "dossier.cert.name")}
	if s.Date != "" {
		date := s.Date
		if d, err := time.Parse(time.DateOnly, date); err == nil {
			date = d.Format("02.01.2006")
		}
		sig.Date = texts(langs, " / ", "dossier.cert.date", "date", date)
	}
	return sig
}
