package templates

import (
	"fmt"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/pdf"
)

// Annex 2: "Қосымшаларды есепке алмағанда, көлемі А4 пішіміндегі 20-25
// парақ" — the concept, excluding its annexes, is 20–25 A4 pages.
const (
	ConceptMinPages = 20
	ConceptMaxPages = 25
)

// ConceptPages lays the concept out in lang and counts its pages. Every
// page of the rendered concept is body: its annexes are separate files.
func ConceptPages(c *competition.Concept, lang catalog.Lang) (int, error) {
	doc, err := buildConcept(c, lang, BuildOptions{})
	if err != nil {
		return 0, err
	}
	return pdf.PageCount(doc)
}

// CheckLayout applies the 20–25 page rule to both language versions;
// `konkurs validate annex2` calls it after the field checks.
func (in *ConceptInput) CheckLayout() error {
	ve := &competition.ValidationError{}
	for _, lang := range catalog.DocumentLangs {
		n, err := ConceptPages(&in.Concept, lang)
		if err != nil {
			return err
		}
		if n < ConceptMinPages || n > ConceptMaxPages {
			ve.Add("", "concept_pages", "lang", string(lang), "pages", fmt.Sprint(n))
		}
	}
	return ve.Err()
}
