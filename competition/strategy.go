package competition

import "fmt"

// Strategy is the input of Annex 5: the strategy of territorial cluster
// development submitted at the second stage (item 7.2), sections 1–10.
type Strategy struct {
	Cluster   Text             `yaml:"cluster" json:"cluster"`
	Applicant Text             `yaml:"applicant" json:"applicant"`
	Sections  StrategySections `yaml:"sections" json:"sections" validate:"dive,dive"`
	// Finance holds section 9's figures; the text of its items is in Sections.
	Finance StrategyFinance `yaml:"finance" json:"finance"`
}

// StrategyFinance is section 9: volume and sources of financing, in thousand tenge.
type StrategyFinance struct {
	// TotalNeed is 9.1, the total volume of funds required.
	TotalNeed Amount `yaml:"total_need" json:"total_need" validate:"gt=0"`
	// Costs is 9.3, the total costs by structure.
	Costs CostStructure `yaml:"costs" json:"costs"`
	// CashFlow is 9.4, the quarterly cash flow for the next 5 years.
	CashFlow CashFlow `yaml:"cash_flow" json:"cash_flow"`
	// Sources is 9.5, the sources of financing.
	Sources FundingSources `yaml:"sources" json:"sources"`
}

// CostStructure splits costs into operational, other and the payroll fund.
type CostStructure struct {
	Operational Amount `yaml:"operational" json:"operational" validate:"gte=0"`
	Other       Amount `yaml:"other" json:"other" validate:"gte=0"`
	Payroll     Amount `yaml:"payroll" json:"payroll" validate:"gte=0"`
}

// Total is the sum of the cost lines.
func (c CostStructure) Total() Amount { return c.Operational + c.Other + c.Payroll }

// CashFlowQuarters: item 9.4 of Annex 5 covers the next 5 years by quarter.
const CashFlowQuarters = 20

// CashFlow lists the 20 quarters from the first quarter of StartYear.
type CashFlow struct {
	StartYear int           `yaml:"start_year" json:"start_year" validate:"required,gte=2015,lte=2100"`
	Quarters  []QuarterFlow `yaml:"quarters" json:"quarters" validate:"dive"`
}

// QuarterFlow is one quarter's receipts and payments.
type QuarterFlow struct {
	Receipts Amount `yaml:"receipts" json:"receipts" validate:"gte=0"`
	Payments Amount `yaml:"payments" json:"payments" validate:"gte=0"`
}

// FundingSource names a source of financing (Annex 5 item 9.5, Annex 6).
type FundingSource string

// The four sources of item 9.5 of Annex 5.
const (
	SourceOwn        FundingSource = "own"               // own or membership fees
	SourceLocal      FundingSource = "local_budget"      // local budget
	SourceRepublican FundingSource = "republican_budget" // republican budget
	SourceOther      FundingSource = "other"             // other
)

// FundingSourceList is the sources in the annex's order.
var FundingSourceList = []FundingSource{SourceOwn, SourceLocal, SourceRepublican, SourceOther}

// FundingSources are the amounts of item 9.5.
type FundingSources struct {
	Own        Amount `yaml:"own" json:"own" validate:"gte=0"`
	Local      Amount `yaml:"local_budget" json:"local_budget" validate:"gte=0"`
	Republican Amount `yaml:"republican_budget" json:"republican_budget" validate:"gte=0"`
	Other      Amount `yaml:"other" json:"other" validate:"gte=0"`
}

// Of returns the amount of source s.
func (f FundingSources) Of(s FundingSource) Amount {
	switch s {
	case SourceOwn:
		return f.Own
	case SourceLocal:
		return f.Local
	case SourceRepublican:
		return f.Republican
	}
	return f.Other
}

// Total is the sum of the sources.
func (f FundingSources) Total() Amount { return f.Own + f.Local + f.Republican + f.Other }

// StrategyOutline is Annex 5's structure: sections 1–10 with every item.
var StrategyOutline = Outline{
	{ID: "title", Level: 1, Key: "annex5.s.title", Note: true},
	leaf1("annex5", "1"), leaf1("annex5", "2"), leaf1("annex5", "3"), leaf1("annex5", "4"),
	leaf1("annex5", "5"), leaf1("annex5", "6"), leaf1("annex5", "7"),
	{ID: "8", Mark: "8.", Level: 1, Key: "annex5.s.8"},
	{ID: "8.1", Mark: "1)", Level: 2, Key: "annex5.s.8.1"},
	sub("annex5", "8.1.a"), sub("annex5", "8.1.b"), sub("annex5", "8.1.c"),
	{ID: "8.2", Mark: "2)", Level: 2, Key: "annex5.s.8.2"},
	sub("annex5", "8.2.a"), sub("annex5", "8.2.b"), sub("annex5", "8.2.c"), sub("annex5", "8.2.d"),
	{ID: "8.3", Mark: "3)", Level: 2, Key: "annex5.s.8.3"},
	sub("annex5", "8.3.a"), sub("annex5", "8.3.b"), sub("annex5", "8.3.c"),
	{ID: "8.4", Mark: "4)", Level: 2, Key: "annex5.s.8.4"},
	sub("annex5", "8.4.a"), sub("annex5", "8.4.b"), sub("annex5", "8.4.c"),
	{ID: "8.5", Mark: "5)", Level: 2, Key: "annex5.s.8.5"},
	sub("annex5", "8.5.a"), sub("annex5", "8.5.b"), sub("annex5", "8.5.c"), sub("annex5", "8.5.d"),
	{ID: "9", Mark: "9.", Level: 1, Key: "annex5.s.9"},
	leaf("annex5", "9.1", "1)"), leaf("annex5", "9.2", "2)"), leaf("annex5", "9.3", "3)"),
	leaf("annex5", "9.4", "4)"), leaf("annex5", "9.5", "5)"), leaf("annex5", "9.6", "6)"),
	leaf("annex5", "9.7", "7)"),
	{ID: "10", Mark: "10.", Level: 1, Key: "annex5.s.10"},
	{ID: "10.note", Level: 2, Key: "annex5.s.10.note", Note: true},
	{ID: "10.1", Mark: "1)", Level: 2, Key: "annex5.s.10.1"},
	sub("annex5", "10.1.a"), sub("annex5", "10.1.b"), sub("annex5", "10.1.c"), sub("annex5", "10.1.d"),
	{ID: "10.2", Mark: "2)", Level: 2, Key: "annex5.s.10.2"}, sub("annex5", "10.2.a"),
	{ID: "10.3", Mark: "3)", Level: 2, Key: "annex5.s.10.3"}, sub("annex5", "10.3.a"), sub("annex5", "10.3.b"),
	{ID: "10.4", Mark: "4)", Level: 2, Key: "annex5.s.10.4"}, sub("annex5", "10.4.a"),
	{ID: "10.5", Mark: "5)", Level: 2, Key: "annex5.s.10.5"}, sub("annex5", "10.5.a"),
}

func leaf1(area, id string) OutlineItem {
	return OutlineItem{ID: id, Mark: id + ".", Level: 1, Key: area + ".s." + id, Content: true}
}

// strategyFigureItems carry figures; their text is optional commentary.
var strategyFigureItems = map[string]bool{"9.1": true, "9.3": true, "9.4": true, "9.5": true}

// Validate checks a strategy: field tags, every mandatory section, the
// 20 quarters of the cash flow and that costs and sources add up to the
// total need.
func (s *Strategy) Validate() error {
	ve := ValidateStruct(s)
	StrategyOutline.checkSections(ve, "sections", s.Sections, strategyFigureItems)
	f := s.Finance
	if n := len(f.CashFlow.Quarters); n != CashFlowQuarters {
		ve.Add("finance.cash_flow.quarters", "quarters_count", "want", fmt.Sprint(CashFlowQuarters), "count", fmt.Sprint(n))
	}
	// Item 9.5 must finance item 9.1 in full: the sources add up to the need.
	if f.TotalNeed > 0 && f.Sources.Total().Tenths() != f.TotalNeed.Tenths() {
		ve.Add("finance.sources", "sources_total", "sum", FormatAmount(f.Sources.Total()), "total", FormatAmount(f.TotalNeed))
	}
	if f.TotalNeed > 0 && f.Costs.Total().Tenths() != f.TotalNeed.Tenths() {
		ve.Add("finance.costs", "costs_total", "sum", FormatAmount(f.Costs.Total()), "total", FormatAmount(f.TotalNeed))
	}
	return ve.Err()
}
