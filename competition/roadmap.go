package competition

import "fmt"

// Roadmap is the input of Annex 6: the roadmap of territorial cluster
// development submitted at the second stage (item 7.3).
type Roadmap struct {
	Cluster   Text `yaml:"cluster" json:"cluster"`
	Applicant Text `yaml:"applicant" json:"applicant"`
	// StartYear and EndYear bound the roadmap; they give the table's year columns.
	StartYear  int        `yaml:"start_year" json:"start_year" validate:"required,gte=2015,lte=2100"`
	EndYear    int        `yaml:"end_year" json:"end_year" validate:"required,gte=2015,lte=2100"`
	Activities []Activity `yaml:"activities" json:"activities" validate:"required,min=1,max=500,dive"`
}

// MaxRoadmapYears bounds the span. The strategy the roadmap implements looks
// 5 years ahead (Annex 5, items 9.4 and 9.6); six calendar years cover a
// five-year period that starts during a year, and are what a landscape page
// holds with readable amounts.
const MaxRoadmapYears = 6

// ActivityGroup is one of the six headings Annex 6 groups activities under.
type ActivityGroup string

// The six groups of Annex 6, in its order.
const (
	GroupMarket        ActivityGroup = "market"
	GroupInnovation    ActivityGroup = "innovation"
	GroupHumanResource ActivityGroup = "human_resources"
	GroupInternational ActivityGroup = "international"
	GroupManagement    ActivityGroup = "management"
	GroupOther         ActivityGroup = "other"
)

// ActivityGroups lists the groups in the annex's order.
var ActivityGroups = []ActivityGroup{GroupMarket, GroupInnovation, GroupHumanResource, GroupInternational, GroupManagement, GroupOther}

// Activity is one activity of the roadmap with the eight attributes Annex 6
// requires for each.
type Activity struct {
	Group          ActivityGroup `yaml:"group" json:"group" validate:"required,oneof=market innovation human_resources international management other"`
	Name           Text          `yaml:"name" json:"name"`
	CompletionForm Text          `yaml:"completion_form" json:"completion_form"`
	Executor       Text          `yaml:"executor" json:"executor"`
	// Executors (attribute 3) lists everyone taking part; left out, the
	// responsible executor alone.
	Executors *Text `yaml:"executors,omitempty" json:"executors,omitempty"`
	// Funding gives the amounts by year and source (attributes 4 and 5).
	Funding []ActivityFunding `yaml:"funding,omitempty" json:"funding,omitempty" validate:"max=100,dive"`
	// Start and End are the implementation period (attribute 6), printed as
	// the deadlines column.
	Start Date `yaml:"start" json:"start" validate:"required"`
	End   Date `yaml:"end" json:"end" validate:"required"`
	// Attribute 1: the concept aimed at a concrete result.
	Concept LongText `yaml:"concept" json:"concept"`
	// Attribute 2: interim and final direct results.
	InterimResults LongText `yaml:"interim_results" json:"interim_results"`
	FinalResults   LongText `yaml:"final_results" json:"final_results"`
	// Attribute 7: the target group.
	TargetGroup Text `yaml:"target_group" json:"target_group"`
	// Attribute 8: the mechanism for evaluating effectiveness.
	Evaluation LongText `yaml:"evaluation" json:"evaluation"`
}

// ActivityFunding is an amount of one year from one source, thousand tenge.
type ActivityFunding struct {
	Year   int           `yaml:"year" json:"year" validate:"required"`
	Source FundingSource `yaml:"source" json:"source" validate:"required,oneof=own local_budget republican_budget other"`
	Amount Amount        `yaml:"amount" json:"amount" validate:"gte=0"`
}

// Years lists the roadmap's years.
func (r *Roadmap) Years() []int {
	var ys []int
	for y := r.StartYear; y <= r.EndYear && len(ys) < MaxRoadmapYears; y++ {
		ys = append(ys, y)
	}
	return ys
}

// ByYear sums an activity's funding per year.
func (a *Activity) ByYear() map[int]Amount {
	m := map[int]Amount{}
	for _, f := range a.Funding {
		m[f.Year] += f.Amount
	}
	return m
}

// BySource sums an activity's funding per source.
func (a *Activity) BySource() map[FundingSource]Amount {
	m := map[FundingSource]Amount{}
	for _, f := range a.Funding {
		m[f.Source] += f.Amount
	}
	return m
}

// RoadmapTotals are the computed sums of the whole roadmap.
type RoadmapTotals struct {
	ByYear   map[int]Amount
	BySource map[FundingSource]Amount
	// Cell holds the amount of each (year, source) pair.
	Cell  map[int]map[FundingSource]Amount
	Total Amount
}

// Totals sums the funding of every activity per year and per source.
func (r *Roadmap) Totals() RoadmapTotals {
	t := RoadmapTotals{ByYear: map[int]Amount{}, BySource: map[FundingSource]Amount{}, Cell: map[int]map[FundingSource]Amount{}}
	for _, a := range r.Activities {
		for _, f := range a.Funding {
			t.ByYear[f.Year] += f.Amount
			t.BySource[f.Source] += f.Amount
			if t.Cell[f.Year] == nil {
				t.Cell[f.Year] = map[FundingSource]Amount{}
			}
			t.Cell[f.Year][f.Source] += f.Amount
			t.Total += f.Amount
		}
	}
	return t
}

// Validate checks a roadmap: field tags, the span, and that every activity's
// period and funding years fall within it.
func (r *Roadmap) Validate() error {
	ve := ValidateStruct(r)
	if r.StartYear != 0 && r.EndYear != 0 {
		if r.EndYear < r.StartYear {
			ve.Add("end_year", "year_order", "start", fmt.Sprint(r.StartYear), "end", fmt.Sprint(r.EndYear))
		} else if r.EndYear-r.StartYear+1 > MaxRoadmapYears {
			ve.Add("end_year", "span_years", "max", fmt.Sprint(MaxRoadmapYears))
		}
	}
	in := func(y int) bool { return y >= r.StartYear && y <= r.EndYear }
	for i, a := range r.Activities {
		if !a.Start.IsZero() && !a.End.IsZero() {
			if a.End.Before(a.Start) {
				ve.Add(indexPath("activities", i, "end"), "date_order",
					"date", a.End.String(), "other", indexPath("activities", i, "start"), "other_date", a.Start.String())
			}
			if !in(a.Start.Year()) || !in(a.End.Year()) {
				ve.Add(indexPath("activities", i, "start"), "period_span",
					"start", fmt.Sprint(r.StartYear), "end", fmt.Sprint(r.EndYear))
			}
		}
		for j, f := range a.Funding {
			if f.Year != 0 && !in(f.Year) {
				ve.Add(fmt.Sprintf("activities[%d].funding[%d].year", i, j), "funding_year",
					"year", fmt.Sprint(f.Year), "start", fmt.Sprint(r.StartYear), "end", fmt.Sprint(r.EndYear))
			}
		}
	}
	return ve.Err()
}
