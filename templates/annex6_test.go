package templates_test

import (
	"fmt"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/internal/doctest"
	"github.com/konkurs/konkurs/templates"
)

func roadmap(t testing.TB) *competition.Roadmap {
	return exampleInput(t, "annex6").(*competition.Roadmap)
}

func TestAnnex6RendersTheStructure(t *testing.T) {
	checkKind(t, "annex6", roadmap(t), false)
}

// The year columns come from the roadmap's span and the totals are computed.
func TestAnnex6YearsAndTotals(t *testing.T) {
	in := roadmap(t)
	totals := in.Totals()
	var sum competition.Amount
	for _, y := range in.Years() {
		sum += totals.ByYear[y]
	}
	if sum.Tenths() != totals.Total.Tenths() {
		t.Fatalf("years add up to %v, total %v", sum, totals.Total)
	}
	r := renderKind(t, "annex6", in, catalog.RU, false)
	text := pdfRawText(t, r.pdf)
	yearHeads := []string{}
	yearTotals := "Итого"
	for _, y := range in.Years() {
		yearHeads = append(yearHeads, fmt.Sprintf("%d г.", y))
		yearTotals += " " + competition.FormatAmount(totals.ByYear[y])
	}
	doctest.AssertInOrder(t, "annex6 year columns", text, yearHeads)
	doctest.AssertInOrder(t, "annex6 totals", text, []string{yearTotals,
		"Местный бюджет " + fmt.Sprint(amounts(in, totals, competition.SourceLocal)),
		"Итого " + yearTotals[len("Итого "):] + " " + competition.FormatAmount(totals.Total),
	})
}

func amounts(r *competition.Roadmap, totals competition.RoadmapTotals, src competition.FundingSource) string {
	s := ""
	for _, y := range r.Years() {
		s += competition.FormatAmount(totals.Cell[y][src]) + " "
	}
	return s + competition.FormatAmount(totals.BySource[src])
}

// A five-year roadmap does not fit portrait: its pages are landscape.
func TestAnnex6Orientation(t *testing.T) {
	k, _ := templates.Lookup("annex6")
	in := roadmap(t)
	doc, err := k.Build(in, catalog.KK, templates.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Landscape {
		t.Error("a five-year roadmap table should be on landscape pages")
	}
}

func TestAnnex6RejectsBadInput(t *testing.T) {
	cases := []struct {
		scenario string
		mutate   func(r *competition.Roadmap)
		path     string
		code     string
	}{
		{"funding outside the span", func(r *competition.Roadmap) { r.Activities[0].Funding[0].Year = 2035 }, "activities[0].funding[0].year", "funding_year"},
		{"negative amount", func(r *competition.Roadmap) { r.Activities[1].Funding[0].Amount = -100 }, "activities[1].funding[0].amount", "gte"},
		{"unknown source", func(r *competition.Roadmap) { r.Activities[1].Funding[0].Source = "sponsor" }, "activities[1].funding[0].source", "oneof"},
		{"unknown group", func(r *competition.Roadmap) { r.Activities[2].Group = "finance" }, "activities[2].group", "oneof"},
		{"end before start", func(r *competition.Roadmap) { r.EndYear = r.StartYear - 1 }, "end_year", "year_order"},
		{"span too long", func(r *competition.Roadmap) { r.EndYear = r.StartYear + 12 }, "end_year", "span_years"},
		{"missing evaluation mechanism", func(r *competition.Roadmap) { r.Activities[3].Evaluation.RU = "" }, "activities[3].evaluation.ru", "required"},
		{"period outside the span", func(r *competition.Roadmap) { r.Activities[0].End = competition.NewDate(2033, 1, 1) }, "activities[0].start", "period_span"},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			in := roadmap(t)
			tc.mutate(in)
			wantProblem(t, in, tc.path, tc.code)
		})
	}
}

// The longest roadmap (six years) still prints every column heading whole.
func TestAnnex6SixYears(t *testing.T) {
	in := roadmap(t)
	in.EndYear = in.StartYear + competition.MaxRoadmapYears - 1
	in.Activities[0].Funding = append(in.Activities[0].Funding, competition.ActivityFunding{Year: in.EndYear, Source: competition.SourceOther, Amount: 123456.7})
	if errs := validationErrors(t, in); errs != nil {
		t.Fatalf("six-year roadmap rejected: %v", errs)
	}
	for _, lang := range catalog.DocumentLangs {
		r := renderKind(t, "annex6", in, lang, false)
		text := pdfRawText(t, r.pdf)
		phrases := expectedPhrases(t, "annex6", lang)[:12] // header, title and columns
		for _, y := range in.Years() {
			phrases = append(phrases, fmt.Sprint(y))
		}
		doctest.AssertInOrder(t, "six-year annex6 "+string(lang), text, append(phrases, competition.FormatAmount(123456.7)))
	}
}
