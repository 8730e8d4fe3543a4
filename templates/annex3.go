package templates

import (
	"fmt"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// Annex 3 of the Rules: the conclusion of the local executive body of a
// region, city of republican significance or the capital (items 6.3 and 7.5).
func init() {
	register(&Kind{
		Name:      "annex3",
		Order:     30,
		NewInput:  func() any { return &competition.LocalConclusion{} },
		Build:     buildLocalConclusion,
		Blankable: true,
	})
}

// blankMemberRows is how many empty rows the blank form's table has (the
// seed prints 1.–3., then "4." and "...").
const blankMemberRows = 4

func buildLocalConclusion(input any, lang catalog.Lang, opt BuildOptions) (*document.Document, error) {
	c, ok := input.(*competition.LocalConclusion)
	if !ok {
		return nil, fmt.Errorf("annex3: input is %T, want *competition.LocalConclusion", input)
	}
	l := string(lang)
	t := func(key string, kv ...string) string { return catalog.T(lang, "annex3."+key, kv...) }
	doc := &document.Document{Kind: "annex3", Lang: l, Title: t("title")}
	add := func(b ...document.Block) { doc.Blocks = append(doc.Blocks, b...) }

	number, date := blankRule, t("blank_date")
	if c.Number != "" {
		number = c.Number
	}
	if !c.Date.IsZero() {
		date = receiptDate(lang, c.Date) // the seed's order: year, day, month
	}
	address := strings.TrimSpace(strings.Join([]string{c.Address.In(l), c.Phone}, ", "))
	address = strings.Trim(address, ", ")

	add(annexHeader(lang, "3"), document.Spacer{HeightPt: 12},
		document.Heading{Text: t("title"), Level: 1},
		document.Paragraph{Runs: []document.Run{{Text: t("number_date", "number", number, "date", date)}}, Align: document.AlignCenter, SpaceAfterPt: 6},
		document.FillLine{Label: "1.", Value: c.Cluster.In(l), Caption: catalog.T(lang, "form.caption.cluster")},
		document.FillLine{Label: t("address"), Value: address},
		document.Spacer{HeightPt: 6},
		document.Text(t("institution")),
		document.FillLine{Value: c.Institution.In(l), Caption: t("caption.name"), Align: document.AlignCenter},
		// Left-aligned: the blank form's "болуын/болмауын" would stretch a justified line.
		document.Paragraph{Runs: []document.Run{{Text: t("confirm", "presence", t("presence."+choice(c.Participants, opt.Blank)),
			"expediency", t("expediency."+choice(c.Expediency, opt.Blank)))}}, FirstLineIndent: true, SpaceBeforePt: 6},
		document.Spacer{HeightPt: 6},
		localMembersTable(lang, c, opt.Blank),
		document.Spacer{HeightPt: 12},
	)
	name := c.Institution.In(l)
	if name == "" {
		name = t("caption.name")
	}
	add(document.Paragraph{Runs: []document.Run{{Text: t("signature.institution", "name", name)}}, Align: document.AlignLeft},
		document.SignatureBlock{
			Name:             c.Signatory.FullName,
			NameCaption:      catalog.T(lang, "form.caption.fullname"),
			SignatureCaption: catalog.T(lang, "form.caption.signature"),
			Seal:             t("seal"),
		})
	return doc, nil
}

// choice is the alternative the LEB chose; the blank form prints both.
func choice(value string, blank bool) string {
	if blank || value == "" {
		return "blank"
	}
	return value
}

func localMembersTable(lang catalog.Lang, c *competition.LocalConclusion, blank bool) document.Table {
	l := string(lang)
	t := func(key string) string { return catalog.T(lang, "annex3.col."+key) }
	tab := document.Table{
		Widths:     []float64{10, 50, 40},
		HeaderRows: 1,
		Rows: []document.Row{{Cells: []document.Cell{
			{Text: t("number"), Bold: true, Align: document.AlignCenter},
			{Text: t("member"), Bold: true, Align: document.AlignCenter},
			{Text: t("activity"), Bold: true, Align: document.AlignCenter},
		}}},
	}
	for i, m := range c.Members {
		tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{
			{Text: fmt.Sprintf("%d.", i+1), Align: document.AlignCenter},
			{Text: m.Name.In(l)},
			{Text: m.Activity.In(l)},
		}})
	}
	if blank || len(c.Members) == 0 {
		for i := 1; i <= blankMemberRows; i++ {
			tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{{Text: fmt.Sprintf("%d.", i), Align: document.AlignCenter}, {}, {}}})
		}
		tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{{Text: "...", Align: document.AlignCenter}, {}, {}}})
	}
	return tab
}
