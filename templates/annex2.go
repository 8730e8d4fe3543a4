package templates

import (
	"fmt"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// Annex 2 of the Rules: the concept of territorial cluster development
// (item 6.2), in the structure the annex sets.
func init() {
	register(&Kind{
		Name:     "annex2",
		Order:    20,
		NewInput: func() any { return &ConceptInput{} },
		Build:    buildConcept,
	})
}

// ConceptInput is Annex 2's input; it adds the page-count rule, which can
// only be checked on the laid-out document (see CheckLayout).
type ConceptInput struct {
	competition.Concept `yaml:",inline"`
}

func conceptOf(input any) (*competition.Concept, error) {
	switch c := input.(type) {
	case *ConceptInput:
		return &c.Concept, nil
	case *competition.Concept:
		return c, nil
	}
	return nil, fmt.Errorf("annex2: input is %T, want *templates.ConceptInput", input)
}

func buildConcept(input any, lang catalog.Lang, _ BuildOptions) (*document.Document, error) {
	c, err := conceptOf(input)
	if err != nil {
		return nil, err
	}
	doc := &document.Document{Kind: "annex2", Lang: string(lang), Title: catalog.T(lang, "annex2.title")}
	doc.Blocks = applicantTitle(lang, "2", "annex2.title", c.Cluster, c.Applicant, "annex2.caption.applicant")
	doc.Blocks = append(doc.Blocks, outlineBlocks(lang, competition.ConceptOutline, c.Sections,
		map[string]func() []document.Block{
			"7.note": func() []document.Block { return companyCards(lang, c) },
		})...)
	return doc, nil
}

// companyCards are section 7's cards, one table per company as in the seed.
func companyCards(lang catalog.Lang, c *competition.Concept) []document.Block {
	var blocks []document.Block
	for i := range c.Companies {
		co := &c.Companies[i]
		blocks = append(blocks,
			document.Paragraph{Runs: []document.Run{{Text: catalog.T(lang, "annex2.card.title", "n", fmt.Sprint(i+1), "name", co.Name.In(string(lang))), Bold: true}},
				KeepWithNext: true, SpaceBeforePt: 8, SpaceAfterPt: 3},
			companyCard(lang, co),
			companyIndicators(lang, co, c.IndicatorYears()),
		)
	}
	return blocks
}

func companyCard(lang catalog.Lang, co *competition.Company) document.Table {
	l := string(lang)
	t := func(key string) string { return catalog.T(lang, "annex2.card."+key) }
	label := func(key string, rowSpan int) document.Cell {
		return document.Cell{Text: t(key), RowSpan: rowSpan}
	}
	head := func(text string, span int) document.Cell {
		return document.Cell{Text: text, Align: document.AlignCenter, ColSpan: span}
	}
	val := func(text string, span int) document.Cell {
		return document.Cell{Text: orNone(lang, text), ColSpan: span}
	}
	line := func(key, value string) document.Row {
		return document.Row{Cells: []document.Cell{label(key, 0), val(value, 5)}}
	}

	// One "additional activity" heading over the four code columns: the
	// Russian word does not fit a fifth of the width.
	oked := document.Row{Cells: []document.Cell{label("oked", 2), head(t("oked_main"), 0), head(t("oked_additional"), competition.MaxAdditionalOKED)}}
	codes := document.Row{Cells: []document.Cell{{Text: co.OKED.Main, Align: document.AlignCenter}}}
	for i := 0; i < competition.MaxAdditionalOKED; i++ {
		code := ""
		if i < len(co.OKED.Additional) {
			code = co.OKED.Additional[i]
		}
		codes.Cells = append(codes.Cells, document.Cell{Text: code, Align: document.AlignCenter})
	}

	founded := ""
	if !co.Founded.IsZero() {
		founded = co.Founded.Format("02.01.2006")
	}
	return document.Table{
		// Five equal columns wide enough for "Дополнительная деятельность"
		// on two lines without breaking a word.
		Widths: []float64{27, 14.6, 14.6, 14.6, 14.6, 14.6},
		Size:   10,
		Rows: []document.Row{
			line("name", co.Name.In(l)),
			{Cells: []document.Cell{label("address", 2), head(t("street"), 2), head(t("city"), 0), head(t("postcode"), 2)}},
			{Cells: []document.Cell{val(co.Address.Street.In(l), 2), val(co.Address.City.In(l), 0), val(co.Address.Postcode, 2)}},
			line("capital_country", co.CapitalCountry.In(l)),
			line("founded", founded),
			line("clients", co.MainClients.In(l)),
			line("origin", originText(lang, co.Origin)),
			{Cells: []document.Cell{label("contact", 2), head(t("surname"), 2), head(t("given_name"), 0), head(t("position"), 2)}},
			{Cells: []document.Cell{val(co.Contact.Surname, 2), val(co.Contact.GivenName, 0), val(co.Contact.Position.In(l), 2)}},
			line("phone", co.Phone),
			line("mobile", co.Mobile),
			line("email", co.Email),
			line("website", co.Website),
			oked,
			codes,
		},
	}
}

// companyIndicators is the card's table of figures for the four years
// before the competition year (derived, as the seed's 2010–2013 for 2015).
func companyIndicators(lang catalog.Lang, co *competition.Company, years []int) document.Table {
	t := func(key string) string { return catalog.T(lang, "annex2.card."+key) }
	header := document.Row{Cells: []document.Cell{{Text: t("indicators"), Bold: true}}}
	for _, y := range years {
		header.Cells = append(header.Cells, document.Cell{Text: fmt.Sprint(y), Bold: true, Align: document.AlignCenter})
	}
	figure := func(key string, value func(*competition.YearIndicators) string) document.Row {
		row := document.Row{Cells: []document.Cell{{Text: t(key)}}}
		for _, y := range years {
			text := t("none")
			if ind := co.IndicatorsFor(y); ind != nil {
				text = value(ind)
			}
			row.Cells = append(row.Cells, document.Cell{Text: text, Align: document.AlignRight})
		}
		return row
	}
	return document.Table{
		// Wider year columns than the card's: "12 345 678,9" fits on one line.
		Widths:     []float64{40, 15, 15, 15, 15},
		Size:       11,
		HeaderRows: 1,
		Rows: []document.Row{
			header,
			figure("turnover", func(i *competition.YearIndicators) string { return amount(i.Turnover) }),
			figure("exports", func(i *competition.YearIndicators) string { return amount(i.Exports) }),
			figure("net_profit", func(i *competition.YearIndicators) string { return competition.FormatNumber(i.NetProfitPercent) }),
			figure("gva", func(i *competition.YearIndicators) string { return amount(i.GrossValueAdded) }),
			figure("staff", func(i *competition.YearIndicators) string { return fmt.Sprint(i.AverageStaff) }),
			figure("rnd_staff", func(i *competition.YearIndicators) string { return competition.FormatNumber(i.RnDStaffPercent) }),
			figure("rnd_spending", func(i *competition.YearIndicators) string { return amount(i.RnDSpending) }),
		},
	}
}

func originText(lang catalog.Lang, origin string) string {
	if origin == "" {
		return ""
	}
	return catalog.T(lang, "annex2.card.origin."+origin)
}

func orNone(lang catalog.Lang, s string) string {
	if s == "" {
		return catalog.T(lang, "annex2.card.none")
	}
	return s
}
