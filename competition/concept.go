package competition

import (
	"fmt"
	"regexp"
)

// Concept is the input of Annex 2: the concept of territorial cluster
// development submitted at the first stage (item 6.2), in the structure
// the annex sets out (sections 1–8).
type Concept struct {
	// CompetitionYear is the year of the competition; section 7's indicators
	// cover the four years before it (the seed prints 2010–2013 for 2015).
	CompetitionYear int             `yaml:"competition_year" json:"competition_year" validate:"required,gte=2015,lte=2100"`
	Cluster         Text            `yaml:"cluster" json:"cluster"`
	Applicant       Text            `yaml:"applicant" json:"applicant"`
	Sections        ConceptSections `yaml:"sections" json:"sections" validate:"dive,dive"`
	// Companies are section 7's cards, one per company or organization.
	Companies []Company `yaml:"companies" json:"companies" validate:"required,min=1,max=500,dive"`
	// MinNonAffiliated overrides criterion 1.1's minimum of non-affiliated
	// legal entities (default DefaultMinNonAffiliated).
	MinNonAffiliated int `yaml:"min_non_affiliated,omitempty" json:"min_non_affiliated,omitempty" validate:"omitempty,gte=1,lte=500"`
}

// DefaultMinNonAffiliated: criterion 1.1 requires a group of at least 10
// non-affiliated legal entities. Annex 2 section 3.1 speaks of at least six
// specialised companies; the criteria are what the experts score, so the
// stricter figure is checked (docs/annexes.md explains).
const DefaultMinNonAffiliated = 10

// IndicatorYears are the four years before the competition year, the
// columns of section 7's indicators.
func (c *Concept) IndicatorYears() []int {
	return []int{c.CompetitionYear - 4, c.CompetitionYear - 3, c.CompetitionYear - 2, c.CompetitionYear - 1}
}

// Company is one card of section 7.
type Company struct {
	Name           Text           `yaml:"name" json:"name"`
	Address        CompanyAddress `yaml:"address" json:"address"`
	CapitalCountry Text           `yaml:"capital_country" json:"capital_country"`
	Founded        Date           `yaml:"founded" json:"founded" validate:"required"`
	MainClients    Text           `yaml:"main_clients" json:"main_clients"`
	// Origin: a domestic or a foreign company/organization.
	Origin string `yaml:"origin" json:"origin" validate:"required,oneof=domestic foreign"`
	// Affiliated marks a company affiliated with another one of the list;
	// criterion 1.1 counts only non-affiliated legal entities.
	Affiliated bool             `yaml:"affiliated,omitempty" json:"affiliated,omitempty"`
	Contact    ResponsibleStaff `yaml:"contact" json:"contact"`
	Phone      string           `yaml:"phone" json:"phone" validate:"required,kzphone"`
	Mobile     string           `yaml:"mobile,omitempty" json:"mobile,omitempty" validate:"omitempty,kzphone"`
	Email      string           `yaml:"email" json:"email" validate:"required,email"`
	Website    string           `yaml:"website,omitempty" json:"website,omitempty" validate:"omitempty,url"`
	OKED       OKED             `yaml:"oked" json:"oked"`
	Indicators []YearIndicators `yaml:"indicators,omitempty" json:"indicators,omitempty" validate:"max=4,dive"`
}

// CompanyAddress is the address as the card splits it.
type CompanyAddress struct {
	Street   Text   `yaml:"street" json:"street"`
	City     Text   `yaml:"city" json:"city"`
	Postcode string `yaml:"postcode" json:"postcode" validate:"required,kzpostcode"`
}

// ResponsibleStaff is the company's responsible employee.
type ResponsibleStaff struct {
	Surname   string `yaml:"surname" json:"surname" validate:"required,max=100"`
	GivenName string `yaml:"name" json:"name" validate:"required,max=100"`
	Position  Text   `yaml:"position" json:"position"`
}

// OKED holds the company's codes of the general classifier of economic
// activities (ЭҚЖЖ/ОКЭД): one main activity and up to four additional.
type OKED struct {
	Main       string   `yaml:"main" json:"main" validate:"required" jsonschema:"pattern=^[0-9]{2}\\.[0-9]{2}\\.[0-9]$"`
	Additional []string `yaml:"additional,omitempty" json:"additional,omitempty" jsonschema:"maxItems=4"`
}

// MaxAdditionalOKED is the number of additional-activity columns of the card.
const MaxAdditionalOKED = 4

// OKEDPattern is the form of a code: the 5-digit subclass of the classifier
// written "NN.NN.N" (division, group and class, subclass), e.g. "24.10.0".
var OKEDPattern = regexp.MustCompile(`^\d{2}\.\d{2}\.\d$`)

// YearIndicators are a company's figures for one year (amounts in thousand tenge).
type YearIndicators struct {
	Year             int     `yaml:"year" json:"year" validate:"required"`
	Turnover         Amount  `yaml:"turnover" json:"turnover" validate:"gte=0"`
	Exports          Amount  `yaml:"exports" json:"exports" validate:"gte=0"`
	NetProfitPercent float64 `yaml:"net_profit_percent" json:"net_profit_percent" validate:"gte=-1000,lte=1000"`
	GrossValueAdded  Amount  `yaml:"gross_value_added" json:"gross_value_added" validate:"gte=0"`
	AverageStaff     int     `yaml:"average_staff" json:"average_staff" validate:"gte=0"`
	RnDStaffPercent  float64 `yaml:"rnd_staff_percent" json:"rnd_staff_percent" validate:"gte=0,lte=100"`
	RnDSpending      Amount  `yaml:"rnd_spending" json:"rnd_spending" validate:"gte=0"`
}

// Indicators returns the company's figures for year, or nil.
func (c *Company) IndicatorsFor(year int) *YearIndicators {
	for i := range c.Indicators {
		if c.Indicators[i].Year == year {
			return &c.Indicators[i]
		}
	}
	return nil
}

// ConceptOutline is Annex 2's structure: sections 1–8 with their items,
// numbered and worded as in the decree.
var ConceptOutline = Outline{
	{ID: "1", Mark: "1.", Level: 1, Key: "annex2.s.1"},
	{ID: "1.note", Level: 2, Key: "annex2.s.1.note", Note: true},
	leaf("annex2", "1.1", "1)"), leaf("annex2", "1.2", "2)"), leaf("annex2", "1.3", "3)"),
	leaf("annex2", "1.4", "4)"), leaf("annex2", "1.5", "5)"), leaf("annex2", "1.6", "6)"),
	leaf("annex2", "1.7", "7)"),
	{ID: "2", Mark: "2.", Level: 1, Key: "annex2.s.2"},
	leaf("annex2", "2.1", "2.1."),
	{ID: "3", Mark: "3.", Level: 1, Key: "annex2.s.3"},
	leaf("annex2", "3.1", "1)"), leaf("annex2", "3.2", "2)"), leaf("annex2", "3.3", "3)"),
	{ID: "4", Mark: "4.", Level: 1, Key: "annex2.s.4"},
	leaf("annex2", "4.1", "1)"),
	{ID: "4.2", Mark: "2)", Level: 2, Key: "annex2.s.4.2"},
	sub("annex2", "4.2.a"), sub("annex2", "4.2.b"), sub("annex2", "4.2.c"),
	leaf("annex2", "4.3", "3)"),
	{ID: "5", Mark: "5.", Level: 1, Key: "annex2.s.5"},
	leaf("annex2", "5.1", "1)"), leaf("annex2", "5.2", "2)"), leaf("annex2", "5.3", "3)"),
	leaf("annex2", "5.4", "4)"), leaf("annex2", "5.5", "5)"), leaf("annex2", "5.6", "6)"),
	leaf("annex2", "5.7", "7)"), leaf("annex2", "5.8", "8)"), leaf("annex2", "5.9", "9)"),
	{ID: "6", Mark: "6.", Level: 1, Key: "annex2.s.6"},
	{ID: "6.1", Mark: "1)", Level: 2, Key: "annex2.s.6.1"}, sub("annex2", "6.1.a"),
	{ID: "6.2", Mark: "2)", Level: 2, Key: "annex2.s.6.2"}, sub("annex2", "6.2.a"),
	{ID: "6.3", Mark: "3)", Level: 2, Key: "annex2.s.6.3"}, sub("annex2", "6.3.a"), sub("annex2", "6.3.b"),
	{ID: "7", Mark: "7.", Level: 1, Key: "annex2.s.7"},
	{ID: "7.note", Level: 2, Key: "annex2.s.7.note", Note: true},
	{ID: "8", Mark: "8.", Level: 1, Key: "annex2.s.8"},
	leaf("annex2", "8.1", "1)"), leaf("annex2", "8.2", "2)"),
	{ID: "8.3", Mark: "3)", Level: 2, Key: "annex2.s.8.3"}, sub("annex2", "8.3.a"), sub("annex2", "8.3.b"),
	{ID: "8.4", Mark: "4)", Level: 2, Key: "annex2.s.8.4"}, sub("annex2", "8.4.a"), sub("annex2", "8.4.b"),
}

func leaf(area, id, mark string) OutlineItem {
	return OutlineItem{ID: id, Mark: mark, Level: 2, Key: area + ".s." + id, Content: true}
}

func sub(area, id string) OutlineItem {
	return OutlineItem{ID: id, Level: 3, Key: area + ".s." + id, Content: true}
}

// Validate checks a concept: field tags, every mandatory section, section 7's
// cards (ОКЭД codes, indicator years) and criterion 1.1's minimum group.
func (c *Concept) Validate() error {
	ve := ValidateStruct(c)
	ConceptOutline.checkSections(ve, "sections", c.Sections, nil)
	years := map[int]bool{}
	for _, y := range c.IndicatorYears() {
		years[y] = true
	}
	nonAffiliated := 0
	for i := range c.Companies {
		co := &c.Companies[i]
		if !co.Affiliated {
			nonAffiliated++
		}
		checkOKED(ve, indexPath("companies", i, "oked"), co.OKED)
		seen := map[int]bool{}
		for j, ind := range co.Indicators {
			p := fmt.Sprintf("companies[%d].indicators[%d].year", i, j)
			if c.CompetitionYear != 0 && !years[ind.Year] {
				ve.Add(p, "indicator_year", "year", fmt.Sprint(ind.Year),
					"from", fmt.Sprint(c.CompetitionYear-4), "to", fmt.Sprint(c.CompetitionYear-1))
			}
			if seen[ind.Year] {
				ve.Add(p, "duplicate", "id", fmt.Sprint(ind.Year), "first", "companies["+fmt.Sprint(i)+"].indicators")
			}
			seen[ind.Year] = true
		}
	}
	// Criterion 1.1: a group of at least 10 non-affiliated legal entities.
	if min := c.minNonAffiliated(); len(c.Companies) > 0 && nonAffiliated < min {
		ve.Add("companies", "criterion_1_1", "min", fmt.Sprint(min), "count", fmt.Sprint(nonAffiliated))
	}
	return ve.Err()
}

func (c *Concept) minNonAffiliated() int {
	if c.MinNonAffiliated > 0 {
		return c.MinNonAffiliated
	}
	return DefaultMinNonAffiliated
}

func checkOKED(ve *ValidationError, path string, o OKED) {
	if o.Main != "" && !OKEDPattern.MatchString(o.Main) {
		ve.Add(path+".main", "oked", "value", o.Main)
	}
	// Annex 2's card has four columns for additional activities.
	if len(o.Additional) > MaxAdditionalOKED {
		ve.Add(path+".additional", "oked_additional_max", "max", fmt.Sprint(MaxAdditionalOKED), "count", fmt.Sprint(len(o.Additional)))
	}
	for i, code := range o.Additional {
		if !OKEDPattern.MatchString(code) {
			ve.Add(indexPath(path+".additional", i, ""), "oked", "value", code)
		}
		if code == o.Main {
			ve.Add(indexPath(path+".additional", i, ""), "oked_repeats_main", "value", code)
		}
	}
}
