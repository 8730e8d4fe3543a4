package competition

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/konkurs/konkurs/catalog"
)

func TestCriteriaAreTheDecrees(t *testing.T) {
	// The decree's Criteria: groups 1–4 with 3, 8, 2 and 2 sub-criteria.
	ids := []string{"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "3.1", "3.2", "4.1", "4.2"}
	if len(Criteria) != len(ids) {
		t.Fatalf("%d criteria, want %d", len(Criteria), len(ids))
	}
	for i, c := range Criteria {
		if c.ID != ids[i] {
			t.Errorf("criterion %d is %s, want %s", i, c.ID, ids[i])
		}
		if c.Title.KK == "" || c.Title.RU == "" || strings.HasPrefix(c.Title.KK, "criteria.") {
			t.Errorf("criterion %s has no title: %+v", c.ID, c.Title)
		}
		if want := int(c.ID[0] - '0'); c.Group != want {
			t.Errorf("criterion %s in group %d", c.ID, c.Group)
		}
	}
	if !strings.Contains(CriterionByID("1.1").Title.KK, "үлестес емес кемінде 10 заңды тұлға") {
		t.Errorf("1.1 = %q", CriterionByID("1.1").Title.KK)
	}
}

func sheet(scores ...int) *ScoreSheets {
	sh := ExpertSheet{Cluster: Text{KK: "к", RU: "к"}, Applicant: Text{KK: "қ", RU: "у"}, Expert: "Эксперт", Date: NewDate(2026, 5, 6)}
	for i, c := range Criteria {
		sh.Scores = append(sh.Scores, CriterionScore{Criterion: c.ID, Score: scores[i%len(scores)]})
	}
	return &ScoreSheets{Scale: ScoreScale{Min: 0, Max: 5}, Sheets: []ExpertSheet{sh}}
}

func TestScoreSheetTotals(t *testing.T) {
	s := sheet(1, 2, 3)
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	sh := &s.Sheets[0]
	total := 0
	for g := 1; g <= 4; g++ {
		total += sh.GroupTotal(g)
	}
	// 15 scores cycling 1,2,3: five of each.
	if sh.Total() != 30 || total != 30 {
		t.Errorf("total %d, groups %d, want 30", sh.Total(), total)
	}
	if sh.GroupTotal(1) != 1+2+3 {
		t.Errorf("group 1: %d", sh.GroupTotal(1))
	}
}

func TestScoreOffTheScale(t *testing.T) {
	s := sheet(3)
	s.Sheets[0].Scores[7].Score = 6
	ve, ok := s.Validate().(*ValidationError)
	if !ok || len(ve.Errors) != 1 || ve.Errors[0].Path != "sheets[0].scores[7].score" || ve.Errors[0].Code != "score_scale" {
		t.Fatalf("got %v", s.Validate())
	}
	if msg := ve.Errors[0].Message(catalog.RU); !strings.Contains(msg, "от 0 до 5") {
		t.Errorf("message %q does not show the scale", msg)
	}
}

func TestCatalogArgumentsResolveInTheMessageLanguage(t *testing.T) {
	e := FieldError{Code: "criterion_missing", Args: []string{"id", "2.4", "title", CatalogArg + "criteria.2.4"}}
	if got := e.Message(catalog.RU); !strings.Contains(got, "Развитие энергетической инфраструктуры") {
		t.Errorf("ru: %q", got)
	}
	if got := e.Message(catalog.KK); !strings.Contains(got, "Энергетика инфрақұрылымының дамуы") {
		t.Errorf("kk: %q", got)
	}
	// English has no document texts: the title falls back to Kazakh.
	if got := e.Message(catalog.EN); !strings.Contains(got, "Энергетика инфрақұрылымының дамуы") || !strings.Contains(got, "is not scored") {
		t.Errorf("en: %q", got)
	}
	if e.Args[3] != CatalogArg+"criteria.2.4" {
		t.Error("Message changed the error's arguments")
	}
}

func TestFormatAmount(t *testing.T) {
	for in, want := range map[Amount]string{
		0: "0,0", 12.34: "12,3", 999.95: "1\u00a0000,0", 1234567.8: "1\u00a0234\u00a0567,8", -1200: "\u22121\u00a0200,0",
	} {
		if got := FormatAmount(in); got != want {
			t.Errorf("FormatAmount(%v) = %q, want %q", in, got, want)
		}
	}
	if got := FormatNumber(12.5); got != "12,5" {
		t.Errorf("FormatNumber = %q", got)
	}
}

func TestPhraseIsOneStringOrBoth(t *testing.T) {
	var v struct{ A, B Phrase }
	if err := yaml.Unmarshal([]byte("a: \"2024\"\nb: {kk: Барлығы, ru: Всего}\n"), &v); err != nil {
		t.Fatal(err)
	}
	if v.A.KK != "2024" || v.A.RU != "2024" || v.B.In("ru") != "Всего" || v.B.In("kk") != "Барлығы" {
		t.Errorf("%+v", v)
	}
}

func TestOKEDPattern(t *testing.T) {
	for code, ok := range map[string]bool{"24.10.0": true, "01.11.1": true, "24100": false, "24.1.0": false, "24.10": false, "24.10.00": false, "A24.10.0": false} {
		if OKEDPattern.MatchString(code) != ok {
			t.Errorf("%q: match %v, want %v", code, !ok, ok)
		}
	}
}

func TestRoadmapTotals(t *testing.T) {
	r := &Roadmap{StartYear: 2027, EndYear: 2029, Activities: []Activity{
		{Funding: []ActivityFunding{{2027, SourceOwn, 10}, {2028, SourceLocal, 5.5}}},
		{Funding: []ActivityFunding{{2027, SourceLocal, 2}, {2029, SourceOwn, 1}}},
	}}
	tot := r.Totals()
	if tot.ByYear[2027] != 12 || tot.BySource[SourceOwn] != 11 || tot.BySource[SourceLocal] != 7.5 || tot.Total != 18.5 || tot.Cell[2027][SourceLocal] != 2 {
		t.Errorf("%+v", tot)
	}
	if len(r.Years()) != 3 {
		t.Errorf("years %v", r.Years())
	}
}

func TestStrategySourcesMustMatchTheNeed(t *testing.T) {
	s := &Strategy{Finance: StrategyFinance{
		TotalNeed: 100, Costs: CostStructure{Operational: 60, Other: 10, Payroll: 30},
		Sources: FundingSources{Own: 50, Local: 30, Republican: 10, Other: 9.9},
	}}
	ve := &ValidationError{}
	ve.Merge(s.Validate())
	found := false
	for _, e := range ve.Errors {
		if e.Code == "sources_total" {
			found = true
			msg := e.Message(catalog.KK)
			if !strings.Contains(msg, "99,9") || !strings.Contains(msg, "100,0") {
				t.Errorf("message %q lacks a figure", msg)
			}
		}
		if e.Code == "costs_total" {
			t.Errorf("costs add up but were reported: %v", e)
		}
	}
	if !found {
		t.Errorf("sources 99.9 ≠ need 100 not reported: %v", ve)
	}
}
