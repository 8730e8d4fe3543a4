package templates_test

import (
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/internal/doctest"
	"github.com/konkurs/konkurs/templates"
)

func localConclusion(t testing.TB) *competition.LocalConclusion {
	return exampleInput(t, "annex3").(*competition.LocalConclusion)
}

// The blank form carries every text of the seed, both alternatives included.
func TestAnnex3BlankFormHasTheSeedsTexts(t *testing.T) {
	k, _ := templates.Lookup("annex3")
	checkKind(t, "annex3", k.NewInput(), true)
}

// A filled conclusion prints only the alternatives chosen and one row per member.
func TestAnnex3PrintsTheChosenAlternatives(t *testing.T) {
	cases := []struct {
		participants, expediency string
		kk, ru                   string
	}{
		{"present", "expedient",
			"Қатысушылардың болуын және аумақтық кластерді ұйымдастырудың орындылығын растайды.",
			"Подтверждает наличие участников и целесообразность организации территориального кластера."},
		{"absent", "inexpedient",
			"Қатысушылардың болмауын және аумақтық кластерді ұйымдастырудың орынсыздығын растайды.",
			"Подтверждает отсутствие участников и нецелесообразность организации территориального кластера."},
	}
	for _, tc := range cases {
		in := localConclusion(t)
		in.Participants, in.Expediency = tc.participants, tc.expediency
		for lang, want := range map[catalog.Lang]string{catalog.KK: tc.kk, catalog.RU: tc.ru} {
			r := renderKind(t, "annex3", in, lang, false)
			text := pdfRawText(t, r.pdf)
			doctest.AssertContains(t, "annex3 "+string(lang), text, want, in.Number, in.Signatory.FullName, in.Institution.In(string(lang)))
			doctest.AssertInOrder(t, "annex3 members", text, []string{
				"1. " + in.Members[0].Name.In(string(lang)), "6. " + in.Members[5].Name.In(string(lang)),
			})
			for _, both := range []string{"болуын/болмауын", "наличие/отсутствие"} {
				if contains(text, both) {
					t.Errorf("%s: a filled conclusion prints both alternatives %q", lang, both)
				}
			}
		}
	}
	blankOnly := func(p string) bool {
		return strings.Contains(p, "_") || strings.Contains(p, "/") || strings.Contains(p, "«(") || p == "..."
	}
	checkKindPhrases(t, "annex3", localConclusion(t), false, blankOnly)
}

func TestAnnex3RejectsBadInput(t *testing.T) {
	cases := []struct {
		scenario string
		mutate   func(c *competition.LocalConclusion)
		path     string
		code     string
	}{
		{"alternative not chosen", func(c *competition.LocalConclusion) { c.Expediency = "" }, "expediency", "required"},
		{"unknown alternative", func(c *competition.LocalConclusion) { c.Participants = "maybe" }, "participants", "oneof"},
		{"present but no members", func(c *competition.LocalConclusion) { c.Members = nil }, "members", "members_required"},
		{"no number", func(c *competition.LocalConclusion) { c.Number = "" }, "number", "required"},
		{"bad phone", func(c *competition.LocalConclusion) { c.Phone = "12345" }, "phone", "kzphone"},
		{"member without Russian name", func(c *competition.LocalConclusion) { c.Members[2].Name.RU = "" }, "members[2].name.ru", "required"},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			in := localConclusion(t)
			tc.mutate(in)
			wantProblem(t, in, tc.path, tc.code)
		})
	}
}
