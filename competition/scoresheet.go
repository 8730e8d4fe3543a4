package competition

import (
	"fmt"
	"strings"
)

// ScoreSheets is the input of the expert scoring sheet: one sheet per
// concept and per expert, every one on the scale the expert council's
// procedure sets (item 19 leaves the procedure to the national institute).
type ScoreSheets struct {
	Scale  ScoreScale    `yaml:"scale" json:"scale"`
	Sheets []ExpertSheet `yaml:"sheets" json:"sheets" validate:"required,min=1,max=500,dive"`
}

// ExpertSheet is one expert's scores of one concept (item 20).
type ExpertSheet struct {
	Application string           `yaml:"application,omitempty" json:"application,omitempty" validate:"omitempty,ident"`
	Cluster     Text             `yaml:"cluster" json:"cluster"`
	Applicant   Text             `yaml:"applicant" json:"applicant"`
	Expert      string           `yaml:"expert" json:"expert" validate:"required,max=200"`
	Date        Date             `yaml:"date" json:"date" validate:"required"`
	Scores      []CriterionScore `yaml:"scores" json:"scores" validate:"required,dive"`
}

// CriterionScore is the score of one sub-criterion with the expert's comment.
type CriterionScore struct {
	Criterion string  `yaml:"criterion" json:"criterion" validate:"required"`
	Score     int     `yaml:"score" json:"score"`
	Comment   *Phrase `yaml:"comment,omitempty" json:"comment,omitempty"`
}

// ScoreOf returns the score of criterion id, or nil.
func (s *ExpertSheet) ScoreOf(id string) *CriterionScore {
	for i := range s.Scores {
		if s.Scores[i].Criterion == id {
			return &s.Scores[i]
		}
	}
	return nil
}

// Total is the sum of the sheet's scores.
func (s *ExpertSheet) Total() int {
	t := 0
	for _, c := range s.Scores {
		t += c.Score
	}
	return t
}

// GroupTotal is the sum of the scores of group g's sub-criteria.
func (s *ExpertSheet) GroupTotal(g int) int {
	t := 0
	for _, c := range s.Scores {
		if cr := CriterionByID(c.Criterion); cr != nil && cr.Group == g {
			t += c.Score
		}
	}
	return t
}

// Validate checks the sheets: the scale, every sub-criterion scored once,
// and every score within the scale.
func (s *ScoreSheets) Validate() error {
	ve := ValidateStruct(s)
	if s.Scale.Max <= s.Scale.Min {
		return ve.Err() // reported by the scale's field tags
	}
	ids := make([]string, len(Criteria))
	for i, c := range Criteria {
		ids[i] = c.ID
	}
	for i, sh := range s.Sheets {
		seen := map[string]string{}
		for j, sc := range sh.Scores {
			p := fmt.Sprintf("sheets[%d].scores[%d]", i, j)
			if CriterionByID(sc.Criterion) == nil {
				ve.Add(p+".criterion", "unknown_criterion", "id", sc.Criterion, "known", strings.Join(ids, ", "))
				continue
			}
			if first, dup := seen[sc.Criterion]; dup {
				ve.Add(p+".criterion", "duplicate", "id", sc.Criterion, "first", first)
			}
			seen[sc.Criterion] = p
			if sc.Score < s.Scale.Min || sc.Score > s.Scale.Max {
				ve.Add(p+".score", "score_scale", "score", fmt.Sprint(sc.Score),
					"min", fmt.Sprint(s.Scale.Min), "max", fmt.Sprint(s.Scale.Max))
			}
		}
		for _, c := range Criteria {
			if _, ok := seen[c.ID]; !ok {
				ve.Add(fmt.Sprintf("sheets[%d].scores", i), "criterion_missing", "id", c.ID, "title", CatalogArg+"criteria."+c.ID)
			}
		}
	}
	return ve.Err()
}
