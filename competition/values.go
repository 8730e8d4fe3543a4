package competition

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/invopop/jsonschema"
	"gopkg.in/yaml.v3"
)

// Text is a name or phrase printed in both document languages.
type Text struct {
	KK string `yaml:"kk" json:"kk" validate:"required,max=2000" jsonschema:"title=Kazakh text"`
	RU string `yaml:"ru" json:"ru" validate:"required,max=2000" jsonschema:"title=Russian text"`
}

// In returns the text in lang ("kk" or "ru").
func (t Text) In(lang string) string {
	if lang == "ru" {
		return t.RU
	}
	return t.KK
}

// OptionalText is a bilingual text that may be left out entirely, but when
// given must be given in both languages.
type OptionalText = Text

// Date is a calendar date without time of day, written YYYY-MM-DD.
type Date struct{ time.Time }

// DateLayout is how dates are written in case files and in JSON output.
const DateLayout = "2006-01-02"

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(DateLayout)
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Time.Before(e.Time) }

// DaysUntil is the number of calendar days from d to e.
func (d Date) DaysUntil(e Date) int { return int(e.Sub(d.Time).Hours() / 24) }

func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	// A *yaml.TypeError lets the decoder go on with the rest of the file,
	// so one bad date does not hide the file's other problems.
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: a date must be written as YYYY-MM-DD", n.Line)}}
	}
	p, err := ParseDate(n.Value)
	if err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	*d = p
	return nil
}

func (d Date) MarshalYAML() (any, error) { return d.String(), nil }

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be a string YYYY-MM-DD")
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// JSONSchema describes Date as a string of format "date".
func (Date) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Format: "date", Description: "YYYY-MM-DD"}
}
