package competition

import "github.com/konkurs/konkurs/catalog"

// Criterion is one sub-criterion of the Criteria of competitive selection
// approved by the decree together with the Rules (item 20 of the Rules: the
// expert council scores each concept by them).
type Criterion struct {
	ID    string // "1.1" … "4.2"
	Group int    // 1–4
	Title Text   // as worded in the decree, from the catalog (criteria.LANG.yaml)
}

// CriterionGroup is one of the four groups of the Criteria.
type CriterionGroup struct {
	Number int
	Title  Text
}

// The texts are the catalog's ("criteria.N" and "criteria.N.M"), so a fix to
// a wording is made once for every document that prints the criteria.
var (
	// CriterionGroupList: development level, conditions, significance, prospects.
	CriterionGroupList = []CriterionGroup{group(1), group(2), group(3), group(4)}
	// Criteria are the 13 sub-criteria in the decree's order.
	Criteria = []Criterion{
		criterion(1, "1.1"), criterion(1, "1.2"), criterion(1, "1.3"),
		criterion(2, "2.1"), criterion(2, "2.2"), criterion(2, "2.3"), criterion(2, "2.4"),
		criterion(2, "2.5"), criterion(2, "2.6"), criterion(2, "2.7"), criterion(2, "2.8"),
		criterion(3, "3.1"), criterion(3, "3.2"),
		criterion(4, "4.1"), criterion(4, "4.2"),
	}
)

func group(n int) CriterionGroup {
	key := "criteria." + string(rune('0'+n))
	return CriterionGroup{Number: n, Title: Text{KK: catalog.T(catalog.KK, key), RU: catalog.T(catalog.RU, key)}}
}

func criterion(g int, id string) Criterion {
	key := "criteria." + id
	return Criterion{ID: id, Group: g, Title: Text{KK: catalog.T(catalog.KK, key), RU: catalog.T(catalog.RU, key)}}
}

// CriterionByID returns the sub-criterion id, or nil.
func CriterionByID(id string) *Criterion {
	for i := range Criteria {
		if Criteria[i].ID == id {
			return &Criteria[i]
		}
	}
	return nil
}
