package templates_test

import (
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/internal/doctest"
)

func strategy(t testing.TB) *competition.Strategy {
	return exampleInput(t, "annex5").(*competition.Strategy)
}

func TestAnnex5RendersTheStructure(t *testing.T) {
	checkKind(t, "annex5", strategy(t), false)
}

// Section 9's sums are computed: the cost total, the cash flow's net flow,
// balance and totals, the sources' total.
func TestAnnex5ComputesTheFinance(t *testing.T) {
	in := strategy(t)
	r := renderKind(t, "annex5", in, catalog.RU, false)
	text := pdfRawText(t, r.pdf)
	f := in.Finance
	var receipts, payments competition.Amount
	for _, q := range f.CashFlow.Quarters {
		receipts += q.Receipts
		payments += q.Payments
	}
	doctest.AssertInOrder(t, "annex5 finance", text, []string{
		"Всего: " + competition.FormatAmount(f.TotalNeed) + " тыс. тенге",
		"Фонд оплаты труда " + competition.FormatAmount(f.Costs.Payroll),
		"Всего " + competition.FormatAmount(f.Costs.Total()) + " 100,0",
		"Всего " + competition.FormatAmount(receipts) + " " + competition.FormatAmount(payments) + " " + competition.FormatAmount(receipts-payments),
		"Всего " + competition.FormatAmount(f.Sources.Total()) + " 100,0",
	})
	if got := competition.FormatAmount(1234567.84); got != "1\u00a0234\u00a0567,8" {
		t.Errorf("FormatAmount = %q", got)
	}
}

// The 20-quarter cash flow breaks across pages with its header repeated:
// text is added before it until its first and last rows fall on different
// pages, and both pages must carry the header.
func TestAnnex5CashFlowHeaderRepeatsAcrossPages(t *testing.T) {
	headers := map[catalog.Lang]string{catalog.KK: "Жыл Тоқсан Түсімдер, мың теңге", catalog.RU: "Год Квартал Поступления, тыс. тенге"}
	for _, lang := range catalog.DocumentLangs {
		in := strategy(t)
		q := in.Finance.CashFlow.Quarters
		first := doctest.Fold(competition.FormatAmount(q[0].Receipts) + " " + competition.FormatAmount(q[0].Payments))
		last := doctest.Fold(competition.FormatAmount(q[19].Receipts) + " " + competition.FormatAmount(q[19].Payments))
		split := false
		for pad := 0; pad < 40 && !split; pad++ {
			r := renderKind(t, "annex5", in, lang, false)
			firstPage, lastPage := 0, 0
			for p := 1; p <= r.pages; p++ {
				text := doctest.Fold(pdfPageRawText(t, r.pdf, p))
				if firstPage == 0 && strings.Contains(text, first) {
					firstPage = p
				}
				if strings.Contains(text, last) {
					lastPage = p
				}
			}
			if firstPage != 0 && lastPage > firstPage {
				split = true
				for _, p := range []int{firstPage, lastPage} {
					if !strings.Contains(doctest.Fold(pdfPageRawText(t, r.pdf, p)), headers[lang]) {
						t.Errorf("%s: page %d holds cash-flow rows without the header", lang, p)
					}
				}
			}
			in.Sections["9.4"] = append(in.Sections["9.4"], in.Sections["9.4"][0])
		}
		if !split {
			t.Errorf("%s: the cash flow never broke across pages", lang)
		}
	}
}

func TestAnnex5RejectsBadInput(t *testing.T) {
	cases := []struct {
		scenario string
		mutate   func(s *competition.Strategy)
		path     string
		code     string
	}{
		{"sources do not add up", func(s *competition.Strategy) { s.Finance.Sources.Other += 1000 }, "finance.sources", "sources_total"},
		{"costs do not add up", func(s *competition.Strategy) { s.Finance.Costs.Payroll -= 0.5 }, "finance.costs", "costs_total"},
		{"negative amount", func(s *competition.Strategy) { s.Finance.Sources.Local = -1 }, "finance.sources.local_budget", "gte"},
		{"19 quarters", func(s *competition.Strategy) { s.Finance.CashFlow.Quarters = s.Finance.CashFlow.Quarters[:19] }, "finance.cash_flow.quarters", "quarters_count"},
		{"negative payment", func(s *competition.Strategy) { s.Finance.CashFlow.Quarters[3].Payments = -10 }, "finance.cash_flow.quarters[3].payments", "gte"},
		{"strategy section empty", func(s *competition.Strategy) { delete(s.Sections, "8.4.b") }, "sections[8.4.b]", "section_empty"},
		{"risks missing", func(s *competition.Strategy) { delete(s.Sections, "9.7") }, "sections[9.7]", "section_empty"},
	}
	for _, tc := range cases {
		t.Run(tc.scenario, func(t *testing.T) {
			in := strategy(t)
			tc.mutate(in)
			wantProblem(t, in, tc.path, tc.code)
		})
	}
}

// The sum mismatch shows both figures.
func TestAnnex5SourcesMessageShowsBothFigures(t *testing.T) {
	in := strategy(t)
	in.Finance.Sources.Other += 1000
	err := validationErrors(t, in)
	if len(err) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	ve := templatesValidate(in)
	for _, lang := range []catalog.Lang{catalog.KK, catalog.RU, catalog.EN} {
		msg := ve.Errors[0].Message(lang)
		for _, figure := range []string{competition.FormatAmount(in.Finance.Sources.Total()), competition.FormatAmount(in.Finance.TotalNeed)} {
			if !strings.Contains(msg, figure) {
				t.Errorf("%s: message %q lacks %q", lang, msg, figure)
			}
		}
	}
}
