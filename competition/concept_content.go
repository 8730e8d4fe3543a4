package competition

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"
	"gopkg.in/yaml.v3"

	"github.com/konkurs/konkurs/catalog"
)

// MaxParagraph bounds one paragraph of a concept or strategy: a 25-page
// concept holds about 60 000 characters in all, so a longer paragraph is a
// pasting mistake.
const MaxParagraph = 20000

// LongText is a paragraph of the applicant's own text in both languages.
type LongText struct {
	KK string `yaml:"kk" json:"kk" validate:"required,max=20000" jsonschema:"title=Kazakh text"`
	RU string `yaml:"ru" json:"ru" validate:"required,max=20000" jsonschema:"title=Russian text"`
}

// In returns the text in lang ("kk" or "ru").
func (t LongText) In(lang string) string {
	if lang == "ru" {
		return t.RU
	}
	return t.KK
}

// Phrase is a short bilingual text that may be written once when it is the
// same in both languages (a number, a name, a code): "12,5" or {kk: .., ru: ..}.
type Phrase struct {
	KK string `yaml:"kk" json:"kk" validate:"max=2000"`
	RU string `yaml:"ru" json:"ru" validate:"max=2000"`
}

// In returns the phrase in lang.
func (p Phrase) In(lang string) string {
	if lang == "ru" {
		return p.RU
	}
	return p.KK
}

// Empty reports whether the phrase has no text in either language.
func (p Phrase) Empty() bool { return strings.TrimSpace(p.KK) == "" && strings.TrimSpace(p.RU) == "" }

func (p *Phrase) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		p.KK, p.RU = n.Value, n.Value
		return nil
	}
	type plain Phrase
	var v plain
	if err := n.Decode(&v); err != nil {
		return err
	}
	*p = Phrase(v)
	return nil
}

func (p *Phrase) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		p.KK, p.RU = s, s
		return nil
	}
	type plain Phrase
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Phrase(v)
	return nil
}

// JSONSchema accepts a string or a {kk, ru} object.
func (Phrase) JSONSchema() *jsonschema.Schema {
	props := jsonschema.NewProperties()
	props.Set("kk", &jsonschema.Schema{Type: "string", MaxLength: ptrUint(2000)})
	props.Set("ru", &jsonschema.Schema{Type: "string", MaxLength: ptrUint(2000)})
	return &jsonschema.Schema{OneOf: []*jsonschema.Schema{
		{Type: "string", MaxLength: ptrUint(2000)},
		{Type: "object", Properties: props, AdditionalProperties: jsonschema.FalseSchema},
	}}
}

func ptrUint(n uint64) *uint64 { return &n }

// Amount is a sum of money in thousand tenge, as all the annexes count it.
type Amount float64

// Tenths is the amount rounded to a tenth of a thousand tenge, the precision
// the documents print; sums are compared in tenths to avoid float noise.
func (a Amount) Tenths() int64 { return int64(math.Round(float64(a) * 10)) }

// ContentBlock is one paragraph or one table of an item's content.
type ContentBlock struct {
	Text  *LongText     `yaml:"text,omitempty" json:"text,omitempty"`
	Table *ContentTable `yaml:"table,omitempty" json:"table,omitempty"`
}

// ContentTable is a table the applicant puts into an item (indicators,
// market figures). Every row has as many cells as the header.
type ContentTable struct {
	Caption *Phrase    `yaml:"caption,omitempty" json:"caption,omitempty"`
	Header  []Phrase   `yaml:"header" json:"header" validate:"required,min=1,max=12,dive"`
	Rows    [][]Phrase `yaml:"rows" json:"rows" validate:"required,min=1,max=1000,dive,dive"`
}

// Content is the applicant's text for one item of a concept or strategy.
type Content []ContentBlock

// Empty reports whether the content has no text and no table.
func (c Content) Empty() bool {
	for _, b := range c {
		if b.Table != nil || (b.Text != nil && (strings.TrimSpace(b.Text.KK) != "" || strings.TrimSpace(b.Text.RU) != "")) {
			return false
		}
	}
	return true
}

// OutlineItem is one heading of the structure the decree sets for a concept
// (Annex 2) or a strategy (Annex 5).
type OutlineItem struct {
	ID    string // input key and error path: "1", "1.3", "4.2.a"
	Mark  string // printed number: "1.", "3)", "2.1." or "" (unnumbered)
	Level int    // 1 section, 2 numbered item, 3 unnumbered sub-point
	Key   string // catalog key of the heading
	// Note marks a line of the structure that is printed but takes no content.
	Note bool
	// Content: the applicant must write content under this heading.
	Content bool
}

// Outline is an ordered document structure.
type Outline []OutlineItem

// Item returns the item with id.
func (o Outline) Item(id string) (OutlineItem, bool) {
	for _, it := range o {
		if it.ID == id {
			return it, true
		}
	}
	return OutlineItem{}, false
}

// checkSections reports every mandatory item left empty (naming it by
// number and title) and every key that is not an item of the outline.
func (o Outline) checkSections(ve *ValidationError, path string, sections map[string]Content, optional map[string]bool) {
	for _, it := range o {
		c := sections[it.ID]
		if it.Content && !optional[it.ID] && c.Empty() {
			ve.Add(path+"["+it.ID+"]", "section_empty", "number", it.ID, "title", CatalogArg+it.Key)
		}
		for i, b := range c {
			checkBlock(ve, fmt.Sprintf("%s[%s][%d]", path, it.ID, i), b)
		}
	}
	var unknown []string
	for id := range sections {
		if it, ok := o.Item(id); !ok || it.Note {
			unknown = append(unknown, id)
		}
	}
	sort.Strings(unknown)
	for _, id := range unknown {
		ve.Add(path+"["+id+"]", "unknown_section", "id", id)
	}
}

func checkBlock(ve *ValidationError, path string, b ContentBlock) {
	switch {
	case b.Text == nil && b.Table == nil:
		ve.Add(path, "block_empty")
		return
	case b.Text != nil && b.Table != nil:
		ve.Add(path, "block_both")
		return
	case b.Table != nil:
		for r, row := range b.Table.Rows {
			if len(row) != len(b.Table.Header) {
				ve.Add(fmt.Sprintf("%s.table.rows[%d]", path, r), "row_width",
					"cells", fmt.Sprint(len(row)), "columns", fmt.Sprint(len(b.Table.Header)))
			}
		}
	}
}

// FormatAmount writes an amount as Kazakh and Russian documents do: one
// decimal after a comma, thousands separated by no-break spaces
// ("1 234 567,8"; negative "−1 234,0").
func FormatAmount(a Amount) string {
	t := a.Tenths()
	sign := ""
	if t < 0 {
		sign, t = "\u2212", -t
	}
	whole, frac := t/10, t%10
	digits := fmt.Sprint(whole)
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(d)
	}
	fmt.Fprintf(&b, ",%d", frac)
	return b.String()
}

// FormatNumber writes a plain figure (a percentage, a score) with a decimal
// comma and no trailing zeros: "12,5", "40".
func FormatNumber(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	return strings.Replace(s, ".", ",", 1)
}

// schema describes the sections of this outline for `konkurs schema`: one
// property per item that takes content, titled with the decree's heading in
// both languages, and no other key.
func (o Outline) schema() *jsonschema.Schema {
	r := &jsonschema.Reflector{DoNotReference: true}
	props := jsonschema.NewProperties()
	for _, it := range o {
		if !it.Content {
			continue
		}
		item := r.Reflect(Content{})
		item.Version, item.ID = "", ""
		item.Title = it.ID + " " + catalog.T(catalog.KK, it.Key) + " / " + catalog.T(catalog.RU, it.Key)
		props.Set(it.ID, item)
	}
	return &jsonschema.Schema{Type: "object", Properties: props, AdditionalProperties: jsonschema.FalseSchema}
}

// ConceptSections are Annex 2's sections keyed by item number.
type ConceptSections map[string]Content

// JSONSchema lists the items of Annex 2's structure.
func (ConceptSections) JSONSchema() *jsonschema.Schema { return ConceptOutline.schema() }

// StrategySections are Annex 5's sections keyed by item number.
type StrategySections map[string]Content

// JSONSchema lists the items of Annex 5's structure.
func (StrategySections) JSONSchema() *jsonschema.Schema { return StrategyOutline.schema() }
