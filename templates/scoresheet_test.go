package templates_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/internal/doctest"
)

func scoreSheets(t testing.TB) *competition.ScoreSheets {
	return exampleInput(t, "scoresheet").(*competition.ScoreSheets)
}

func TestScoreSheetRendersTheCriteria(t *testing.T) {
	checkKind(t, "scoresheet", scoreSheets(t), false)
}

// Totals are computed per group and per sheet; each sheet names its expert.
func TestScoreSheetTotals(t *testing.T) {
	in := scoreSheets(t)
	r := renderKind(t, "scoresheet", in, catalog.KK, false)
	text := pdfRawText(t, r.pdf)
	var want []string
	for _, sh := range in.Sheets {
		want = append(want, sh.Expert)
		for _, g := range competition.CriterionGroupList {
			want = append(want, fmt.Sprintf("%s %d Топ бойынша барлығы", g.Title.KK, sh.GroupTotal(g.Number)))
		}
		want = append(want, fmt.Sprintf("(ең көбі %d) %d", in.Scale.Max*len(competition.Criteria), sh.Total()), sh.Expert)
	}
	doctest.AssertInOrder(t, "scoresheet totals", text, want)
	if len(competition.Criteria) != 15 || len(competition.CriterionGroupList) != 4 {
		t.Errorf("the decree has 4 groups and 15 sub-criteria, have %d and %d", len(competition.CriterionGroupList), len(competition.Criteria))
	}
	for _, c := range competition.Criteria {
		if c.Title.KK == "" || strings.HasPrefix(c.Title.RU, "criteria.") {
			t.Errorf("criterion %s has no title", c.ID)
		}
	}
}

func TestScoreSheetRejectsBadInput(t *testing.T) {
	cases := []struct {
		scenario string
		mutate   func(s *competition.ScoreSheets)
		path     string
		code     string
	}{
		{"score above the scale", func(s *competition.ScoreSheets) { s.Sheets[0].Scores[4].Score = 6 }, "sheets[0].scores[4].score", "score_scale"},
		{"score below the scale", func(s *competition.ScoreSheets) { s.Sheets[1].Scores[0].Score = -1 }, "sheets[1].scores[0].score", "score_scale"},
		{"criterion missing", func(s *competition.ScoreSheets) { s.Sheets[0].Scores = s.Sheets[0].Scores[1:] }, "sheets[0].scores", "criterion_missing"},
		{"unknown criterion", func(s *competition.ScoreSheets) { s.Sheets[0].Scores[0].Criterion = "5.1" }, "sheets[0].scores[0].criterion", "unknown_criterion"},
		{"criterion scored twice", func(s *competition.ScoreSheets) { s.Sheets[0].Scores[1].Criterion = "1.1" }, "sheets[0].scores[1].criterion", "duplicate"},
		{"no expert", func(s *competition.ScoreSheets) { s.Sheets[0].Expert = "" }, "sheets[0].expert", "required"},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			in := scoreSheets(t)
			tc.mutate(in)
			wantProblem(t, in, tc.path, tc.code)
		})
	}
}
