package competition

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
)

func loadExample(t *testing.T, name string) *CaseFile {
	t.Helper()
	cf, err := Load(filepath.Join("..", "examples", name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cf
}

// The computed lists of the example competition: who goes on, who is
// returned, the ranking and who is admitted by the threshold.
func TestExampleCompetitionOutcome(t *testing.T) {
	cf := loadExample(t, "competition.yaml")
	ids := func(apps []*Application) string {
		var s []string
		for _, a := range apps {
			s = append(s, a.ID)
		}
		return strings.Join(s, ",")
	}
	if got := ids(cf.GoesOn(1)); got != "A-01,A-02,A-05,A-03" {
		t.Errorf("stage 1 goes on: %s", got)
	}
	if got := ids(cf.ReturnedAt(1)); got != "A-04" {
		t.Errorf("stage 1 returned: %s", got)
	}
	var ranking []string
	for _, r := range cf.Ranking() {
		ranking = append(ranking, r.Application.ID+"="+itoa(r.Total)+"#"+itoa(r.Rank))
	}
	if got := strings.Join(ranking, " "); got != "A-01=62#1 A-02=59#2 A-05=52#3 A-03=44#4" {
		t.Errorf("ranking: %s", got)
	}
	admitted, below, ok := cf.Admitted()
	if !ok || len(admitted) != 3 || len(below) != 1 || below[0].Application.ID != "A-03" {
		t.Errorf("admitted %v below %v", admitted, below)
	}
	if got := ids(cf.Stage2Candidates()); got != "A-06,A-07,A-08" {
		t.Errorf("stage 2 candidates: %s", got)
	}
	if cf.Outcome().Failed {
		t.Error("the example competition must not fail")
	}
	for _, doc := range []string{DocAnnouncement, DocStage1Admission, DocStage1Review, DocStage1Minutes,
		DocStage2Admission, DocStage2Review, DocStage2Minutes, DocResults} {
		if err := cf.ReadyFor(doc, ""); err != nil {
			t.Errorf("%s: %v", doc, err)
		}
	}
	if err := cf.ReadyFor(DocFailedNotice, ""); err == nil {
		t.Error("failed-notice must be refused for a competition that did not fail")
	}
}

func TestFailedCompetitionOutcome(t *testing.T) {
	cf := loadExample(t, "failed-competition.yaml")
	out := cf.Outcome()
	if !out.Failed || out.Stage != 1 || len(out.Compliant) != 1 || out.Compliant[0].ID != "B-01" {
		t.Fatalf("outcome %+v", out)
	}
	if err := cf.ReadyFor(DocFailedNotice, ""); err != nil {
		t.Fatal(err)
	}
	err := cf.ReadyFor(DocStage1Review, "")
	if err == nil || !hasCode(err, "proc_failed") {
		t.Fatalf("stage1-review of a failed competition: %v", err)
	}
}

func hasCode(err error, code string) bool {
	ve, ok := err.(*ValidationError)
	if !ok {
		return false
	}
	for _, e := range ve.Errors {
		if e.Code == code {
			return true
		}
	}
	return false
}

// Each broken case file is refused with every expected problem, naming the
// entries involved and the item of the rules.
func TestProcedureRulesReportBrokenCaseFiles(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		edit     func(string) string
		want     []string // "path: code"
		mention  []string // phrases the Russian message must contain
	}{
		{"score for an unknown criterion",
			func(s string) string {
				return strings.Replace(s, `points: {"1.1": 5, "1.2": 4`, `points: {"9.9": 5, "1.2": 4`, 1)
			},
			[]string{"procedure.scores[0].points.9.9: proc_unknown_criterion"}, []string{"9.9"}},
		{"score off the scale",
			func(s string) string {
				return strings.Replace(s, `points: {"1.1": 5, "1.2": 4`, `points: {"1.1": 7, "1.2": 4`, 1)
			},
			[]string{"procedure.scores[0].points.1.1: proc_score_scale"}, []string{"7", "0", "5"}},
		{"minutes dated before the review",
			func(s string) string {
				return strings.Replace(s, "number: \"3\"\n      date: 2026-05-22", "number: \"3\"\n      date: 2026-05-10", 1)
			},
			[]string{"procedure.meetings[2].date: proc_date_order"}, []string{"пункт 24", "2026-05-10", "2026-05-14"}},
		{"stage-2 application of a concept below the threshold",
			func(s string) string {
				return strings.Replace(s, "events:\n", `  - id: A-09
    stage: 2
    participant: astana-sez
    cluster: astana-it
events:
`, 1)
			},
			[]string{"applications[8]: proc_not_admitted"}, []string{"пункт 24", "A-03", "44", "50"}},
		{"stage-2 application of a returned concept",
			func(s string) string {
				return strings.Replace(s, "events:\n", `  - id: A-09
    stage: 2
    participant: karaganda-chamber
    cluster: karaganda-coalchem
events:
`, 1)
			},
			[]string{"applications[8]: proc_returned_admitted"}, []string{"пункты 16 и 24", "A-04"}},
		{"no threshold but stage 2 under way",
			func(s string) string { return strings.Replace(s, "  min_score: 50\n", "", 1) },
			[]string{"applications[5]: proc_admitted_before_threshold"}, []string{"пункт 24", "A-06"}},
		{"skipped stage 1 without the local executive body's conclusion (item 8)",
			func(s string) string {
				return strings.Replace(s, "handed_in: [application, strategy, roadmap, authorized_conclusion, leb_conclusion]",
					"handed_in: [application, strategy, roadmap, authorized_conclusion]", 1)
			},
			[]string{"procedure.checks[7].handed_in: proc_item8_missing"}, []string{"пункт 8", "A-08", "leb_conclusion"}},
		{"incomplete application not returned (item 16)",
			func(s string) string {
				return strings.Replace(s, "handed_in: [application, concept, leb_conclusion]\n    - application: A-02", "handed_in: [application, concept]\n    - application: A-02", 1)
			},
			[]string{"procedure.checks[0].handed_in: proc_incomplete_not_returned"}, []string{"пункт 6", "пункт 16", "A-01"}},
		{"winner that did not pass stage 2's check",
			func(s string) string {
				return strings.Replace(s, "  returns:\n", `  returns:
    - application: A-06
      number: "02-12/0500"
      date: 2026-10-06
      reasons:
        - kk: Жол картасы 6-қосымшаға сәйкес емес.
          ru: Дорожная карта не соответствует приложению 6.
`, 1)
			},
			[]string{"procedure.winners[0].application: proc_winner_not_checked"}, []string{"пункты 31 и 38", "A-06"}},
		{"unknown member present",
			func(s string) string {
				return strings.Replace(s, "present: [director, expert-1, expert-2, clerk]", "present: [director, nobody]", 1)
			},
			[]string{"procedure.meetings[0].present[1]: proc_unknown_member"}, []string{"nobody"}},
		{"record for an unknown application",
			func(s string) string {
				return strings.Replace(s, "stage2_reviews:\n    - application: A-06", "stage2_reviews:\n    - application: A-99", 1)
			},
			[]string{"procedure.stage2_reviews[0].application: unknown_application"}, []string{"A-99"}},
		{"results announced before the minutes were signed",
			func(s string) string {
				return strings.Replace(s, "  - kind: results_published\n    date: 2026-11-13", "  - kind: results_published\n    date: 2026-11-09", 1)
			},
			[]string{"events[18].date: proc_date_order"}, []string{"пункт 40", "procedure.meetings[5].signed", "2026-11-10"}},
		{"stage-2 registration before the stage-1 minutes",
			func(s string) string { return strings.Replace(s, "date: 2026-09-15", "date: 2026-05-20", 1) },
			[]string{"applications[5].registration.date: proc_date_order"}, []string{"пункт 24"}},
		{"conclusion on a returned application",
			func(s string) string {
				return strings.Replace(s, "    - {application: A-05, body: authorized,", "    - {application: A-04, body: authorized, number: \"17-02/2299\", date: 2026-04-08, finding: complies}\n    - {application: A-05, body: authorized,", 1)
			},
			[]string{"procedure.conclusions[6].application: proc_returned_reviewed"}, []string{"пункты 16, 17 и 32", "A-04"}},
		{"failure declared though enough comply",
			func(s string) string { return s + "  failure:\n    number: \"9\"\n    date: 2026-03-27\n" },
			[]string{"procedure.failure: proc_failure_not_due"}, []string{"пункт 41"}},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			ve := loadEdited(t, "competition.yaml", tc.edit)
			got := map[string]bool{}
			for _, e := range ve.Errors {
				got[e.Path+": "+e.Code] = true
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing problem %q; got %v", w, ve.Errors)
				}
			}
			ru := strings.Join(ve.Lines(catalog.RU), "\n")
			for _, m := range tc.mention {
				if !strings.Contains(ru, m) {
					t.Errorf("Russian message lacks %q:\n%s", m, ru)
				}
			}
			for _, lang := range []catalog.Lang{catalog.KK, catalog.RU, catalog.EN} {
				for _, line := range ve.Lines(lang) {
					if strings.Contains(line, "validation.") {
						t.Errorf("%s message without catalog text: %s", lang, line)
					}
				}
			}
		})
	}
}

// A returned application cannot be scored, so it cannot be admitted.
func TestReturnedApplicationCannotBeScored(t *testing.T) {
	ve := loadEdited(t, "competition.yaml", func(s string) string {
		return strings.Replace(s, "  # Item 24: the Commission's minimum total for stage 2.\n",
			`    - application: A-04
      date: 2026-05-08
      points: {"1.1": 5, "1.2": 5, "1.3": 5, "2.1": 5, "2.2": 5, "2.3": 5, "2.4": 5, "2.5": 5, "2.6": 5, "2.7": 5, "2.8": 5, "3.1": 5, "3.2": 5, "4.1": 5, "4.2": 5}
  # Item 24: the Commission's minimum total for stage 2.
`, 1)
	})
	if !hasCode(ve, "proc_returned_scored") {
		t.Fatalf("want proc_returned_scored, got %v", ve.Errors)
	}
	if !strings.Contains(strings.Join(ve.Lines(catalog.KK), "\n"), "16-тармағы") {
		t.Errorf("Kazakh message must cite item 16: %v", ve.Lines(catalog.KK))
	}
}

func loadEdited(t *testing.T, example string, edit func(string) string) *ValidationError {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", example))
	if err != nil {
		t.Fatal(err)
	}
	edited := edit(string(data))
	if edited == string(data) {
		t.Fatal("the edit changed nothing: the example no longer has the text the test replaces")
	}
	p := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(p)
	ve, ok := err.(*ValidationError)
	if !ok {
		t.Fatalf("want *ValidationError, got %v", err)
	}
	return ve
}
