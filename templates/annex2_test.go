package templates_test

import (
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/internal/doctest"
	"github.com/konkurs/konkurs/templates"
)

func concept(t testing.TB) *templates.ConceptInput {
	return exampleInput(t, "annex2").(*templates.ConceptInput)
}

func TestAnnex2RendersTheStructure(t *testing.T) {
	checkKind(t, "annex2", concept(t), false)
}

func TestAnnex2ExampleIsWithinThePageRule(t *testing.T) {
	in := concept(t)
	for _, lang := range catalog.DocumentLangs {
		n, err := templates.ConceptPages(&in.Concept, lang)
		if err != nil {
			t.Fatal(err)
		}
		if n < templates.ConceptMinPages || n > templates.ConceptMaxPages {
			t.Errorf("%s: example concept has %d pages, the rule is 20–25", lang, n)
		}
	}
	if err := in.CheckLayout(); err != nil {
		t.Fatalf("CheckLayout: %v", err)
	}
}

func TestAnnex2PageRuleRejectsShortAndLongConcepts(t *testing.T) {
	short := concept(t)
	for id, c := range short.Sections {
		short.Sections[id] = c[:1]
	}
	short.Companies = short.Companies[:10]
	long := concept(t)
	for id, c := range long.Sections {
		long.Sections[id] = append(c, c...)
	}
	for name, in := range map[string]*templates.ConceptInput{"short": short, "long": long} {
		err := in.CheckLayout()
		ve, ok := err.(*competition.ValidationError)
		if !ok || len(ve.Errors) != 2 || ve.Errors[0].Code != "concept_pages" {
			t.Fatalf("%s concept: want concept_pages for kk and ru, got %v", name, err)
		}
		if msg := ve.Errors[0].Message(catalog.RU); !strings.Contains(msg, "20-25") {
			t.Errorf("%s: message does not cite the rule: %q", name, msg)
		}
	}
}

// The indicator columns are the four years before the competition year.
func TestAnnex2IndicatorYearsAreDerived(t *testing.T) {
	in := concept(t)
	in.CompetitionYear = 2027
	for i := range in.Companies {
		for j := range in.Companies[i].Indicators {
			in.Companies[i].Indicators[j].Year++
		}
	}
	if errs := validationErrors(t, in); errs != nil {
		t.Fatalf("shifted example rejected: %v", errs)
	}
	r := renderKind(t, "annex2", in, catalog.KK, false)
	text := pdfRawText(t, r.pdf)
	doctest.AssertInOrder(t, "indicator years", text, []string{"Жекелеген көрсеткіштері 2023 2024 2025 2026"})
	if strings.Contains(text, "көрсеткіштері 2022") {
		t.Error("the year before the window is still printed")
	}
}

func TestAnnex2RejectsBadInput(t *testing.T) {
	cases := []struct {
		scenario string
		mutate   func(c *templates.ConceptInput)
		path     string
		code     string
	}{
		{"mandatory section empty", func(c *templates.ConceptInput) { delete(c.Sections, "3.2") }, "sections[3.2]", "section_empty"},
		{"unnumbered sub-point empty", func(c *templates.ConceptInput) { c.Sections["8.4.b"] = nil }, "sections[8.4.b]", "section_empty"},
		{"section that does not exist", func(c *templates.ConceptInput) { c.Sections["9.1"] = c.Sections["1.1"] }, "sections[9.1]", "unknown_section"},
		{"ОКЭД without dots", func(c *templates.ConceptInput) { c.Companies[0].OKED.Main = "24420" }, "companies[0].oked.main", "oked"},
		{"ОКЭД additional malformed", func(c *templates.ConceptInput) { c.Companies[1].OKED.Additional = []string{"24.5"} }, "companies[1].oked.additional[0]", "oked"},
		{"more than four additional codes", func(c *templates.ConceptInput) {
			c.Companies[2].OKED.Additional = []string{"25.11.0", "25.62.0", "33.11.0", "46.72.0", "49.41.0"}
		}, "companies[2].oked.additional", "oked_additional_max"},
		{"negative turnover", func(c *templates.ConceptInput) { c.Companies[0].Indicators[0].Turnover = -5 }, "companies[0].indicators[0].turnover", "gte"},
		{"indicator year outside the window", func(c *templates.ConceptInput) { c.Companies[0].Indicators[0].Year = 2013 }, "companies[0].indicators[0].year", "indicator_year"},
		{"criterion 1.1: fewer than 10 non-affiliated", func(c *templates.ConceptInput) {
			for i := range c.Companies[:4] {
				c.Companies[i].Affiliated = true
			}
		}, "companies", "criterion_1_1"},
		{"10 MB paragraph", func(c *templates.ConceptInput) {
			c.Sections["1.1"][0].Text.KK = strings.Repeat("а", 10<<20)
		}, "sections[1.1][0].text.kk", "max"},
		{"bad postcode", func(c *templates.ConceptInput) { c.Companies[3].Address.Postcode = "14" }, "companies[3].address.postcode", "kzpostcode"},
		{"table row of the wrong width", func(c *templates.ConceptInput) {
			c.Sections["1.5"] = append(c.Sections["1.5"][:1:1], competition.ContentBlock{Table: &competition.ContentTable{
				Header: []competition.Phrase{{KK: "Жыл", RU: "Год"}, {KK: "Көлемі", RU: "Объем"}},
				Rows:   [][]competition.Phrase{{{KK: "2025", RU: "2025"}}},
			}})
		}, "sections[1.5][1].table.rows[0]", "row_width"},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			in := concept(t)
			tc.mutate(in)
			wantProblem(t, in, tc.path, tc.code)
		})
	}
}

// The message of an empty section names it by number and title in the
// user's language.
func TestAnnex2EmptySectionMessageNamesTheSection(t *testing.T) {
	in := concept(t)
	delete(in.Sections, "5.4")
	ve := templates.ValidateInput(in).(*competition.ValidationError)
	kk := ve.Lines(catalog.KK)[0]
	ru := ve.Lines(catalog.RU)[0]
	if !strings.Contains(kk, "5.4") || !strings.Contains(kk, "Энергетикалық инфрақұрылымның дамығандығы") {
		t.Errorf("kk: %q", kk)
	}
	if !strings.Contains(ru, "5.4") || !strings.Contains(ru, "Развитость энергетической инфраструктуры") {
		t.Errorf("ru: %q", ru)
	}
}

func TestAnnex2MinNonAffiliatedIsConfigurable(t *testing.T) {
	in := concept(t)
	for i := range in.Companies[:4] {
		in.Companies[i].Affiliated = true
	}
	in.MinNonAffiliated = 6 // the figure of Annex 2 section 3.1
	if errs := validationErrors(t, in); errs != nil {
		t.Fatalf("want accepted with min_non_affiliated 6, got %v", errs)
	}
}
