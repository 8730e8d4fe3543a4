package templates

import (
	"fmt"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// Annex 5 of the Rules: the strategy of territorial cluster development
// (item 7.2), sections 1–10 as the annex sets them.
func init() {
	register(&Kind{
		Name:     "annex5",
		Order:    50,
		NewInput: func() any { return &competition.Strategy{} },
		Build:    buildStrategy,
	})
}

func buildStrategy(input any, lang catalog.Lang, _ BuildOptions) (*document.Document, error) {
	s, ok := input.(*competition.Strategy)
	if !ok {
		return nil, fmt.Errorf("annex5: input is %T, want *competition.Strategy", input)
	}
	doc := &document.Document{Kind: "annex5", Lang: string(lang), Title: catalog.T(lang, "annex5.s.title")}
	// The outline's first line is the title itself ("Аумақтық кластерді
	// дамыту стратегиясы"); the header carries the cluster and applicant.
	doc.Blocks = []document.Block{annexHeader(lang, "5"), document.Spacer{HeightPt: 12}}
	f := &s.Finance
	doc.Blocks = append(doc.Blocks, outlineBlocks(lang, competition.StrategyOutline, s.Sections,
		map[string]func() []document.Block{
			"title": func() []document.Block {
				return []document.Block{
					document.FillLine{Value: s.Cluster.In(string(lang)), Caption: catalog.T(lang, "form.caption.cluster"), Align: document.AlignCenter},
					document.FillLine{Value: s.Applicant.In(string(lang)), Caption: catalog.T(lang, "annex5.caption.applicant"), Align: document.AlignCenter},
				}
			},
			"9.1": func() []document.Block {
				return []document.Block{document.Paragraph{Runs: []document.Run{{Text: catalog.T(lang, "annex5.fin.total_need", "amount", amount(f.TotalNeed)), Bold: true}},
					FirstLineIndent: true}}
			},
			"9.3": func() []document.Block { return []document.Block{costTable(lang, f)} },
			"9.4": func() []document.Block { return []document.Block{cashFlowTable(lang, f.CashFlow)} },
			"9.5": func() []document.Block { return []document.Block{sourcesTable(lang, f.Sources)} },
		})...)
	return doc, nil
}

func finText(lang catalog.Lang, key string) string { return catalog.T(lang, "annex5.fin."+key) }

func headerCell(text string) document.Cell {
	return document.Cell{Text: text, Bold: true, Align: document.AlignCenter}
}

func amountCell(a competition.Amount) document.Cell {
	return document.Cell{Text: amount(a), Align: document.AlignRight}
}

// share is part of whole in per cent, one decimal.
func share(part, whole competition.Amount) string {
	if whole == 0 {
		return "0,0"
	}
	return competition.FormatAmount(part * 100 / whole)
}

// costTable is item 9.3: costs by structure, with the total computed.
func costTable(lang catalog.Lang, f *competition.StrategyFinance) document.Table {
	total := f.Costs.Total()
	row := func(key string, a competition.Amount) document.Row {
		return document.Row{Cells: []document.Cell{{Text: finText(lang, key)}, amountCell(a), {Text: share(a, total), Align: document.AlignRight}}}
	}
	return document.Table{
		Widths:     []float64{50, 25, 25},
		HeaderRows: 1,
		Rows: []document.Row{
			{Cells: []document.Cell{headerCell(finText(lang, "cost_item")), headerCell(finText(lang, "amount")), headerCell(finText(lang, "share"))}},
			row("operational", f.Costs.Operational),
			row("other_costs", f.Costs.Other),
			row("payroll", f.Costs.Payroll),
			{Cells: []document.Cell{{Text: finText(lang, "total"), Bold: true}, {Text: amount(total), Bold: true, Align: document.AlignRight}, {Text: share(total, total), Bold: true, Align: document.AlignRight}}},
		},
	}
}

var quarterNumerals = [4]string{"I", "II", "III", "IV"}

// cashFlowTable is item 9.4: the 20 quarters of the next 5 years, net flow
// and running balance computed; its header repeats on every page.
func cashFlowTable(lang catalog.Lang, cf competition.CashFlow) document.Table {
	tab := document.Table{
		Widths:     []float64{11, 13, 19, 19, 19, 19},
		HeaderRows: 1,
		Size:       11,
		Rows: []document.Row{{Cells: []document.Cell{
			headerCell(finText(lang, "year")), headerCell(finText(lang, "quarter")),
			headerCell(finText(lang, "receipts")), headerCell(finText(lang, "payments")),
			headerCell(finText(lang, "net")), headerCell(finText(lang, "balance")),
		}}},
	}
	var balance, receipts, payments competition.Amount
	for i, q := range cf.Quarters {
		net := q.Receipts - q.Payments
		balance += net
		receipts += q.Receipts
		payments += q.Payments
		row := document.Row{}
		if i%4 == 0 {
			span := min(4, len(cf.Quarters)-i)
			row.Cells = append(row.Cells, document.Cell{Text: fmt.Sprint(cf.StartYear + i/4), Align: document.AlignCenter, RowSpan: span})
		}
		row.Cells = append(row.Cells, document.Cell{Text: quarterNumerals[i%4], Align: document.AlignCenter},
			amountCell(q.Receipts), amountCell(q.Payments), amountCell(net), amountCell(balance))
		tab.Rows = append(tab.Rows, row)
	}
	tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{
		{Text: finText(lang, "total"), Bold: true, ColSpan: 2},
		{Text: amount(receipts), Bold: true, Align: document.AlignRight},
		{Text: amount(payments), Bold: true, Align: document.AlignRight},
		{Text: amount(receipts - payments), Bold: true, Align: document.AlignRight},
		{Text: amount(balance), Bold: true, Align: document.AlignRight},
	}})
	return tab
}

// sourcesTable is item 9.5: the four sources of the seed, the total computed.
func sourcesTable(lang catalog.Lang, s competition.FundingSources) document.Table {
	total := s.Total()
	tab := document.Table{
		Widths:     []float64{50, 25, 25},
		HeaderRows: 1,
		Rows: []document.Row{{Cells: []document.Cell{
			headerCell(finText(lang, "source")), headerCell(finText(lang, "amount")), headerCell(finText(lang, "share")),
		}}},
	}
	for _, src := range competition.FundingSourceList {
		a := s.Of(src)
		tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{
			{Text: catalog.T(lang, "finance.source."+string(src))}, amountCell(a), {Text: share(a, total), Align: document.AlignRight},
		}})
	}
	tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{
		{Text: finText(lang, "total"), Bold: true}, {Text: amount(total), Bold: true, Align: document.AlignRight},
		{Text: share(total, total), Bold: true, Align: document.AlignRight},
	}})
	return tab
}
