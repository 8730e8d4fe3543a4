package deadline

import (
	"testing"

	"github.com/konkurs/konkurs/competition"
)

// The bundled example case file evaluates without errors, and the
// application's registration closes item 6 for it.
func TestExampleCaseFile(t *testing.T) {
	cf, err := competition.Load("../../examples/competition.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c := FromCaseFile(cf)
	if c.ID != cf.Competition.ID || c.Stage1Deadline.String() != cf.Competition.Stage1Deadline.String() {
		t.Fatalf("adapter lost the key dates: %+v", c)
	}
	ds, err := Evaluator{}.Evaluate(c, day("2026-03-25"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) < len(Rules) {
		t.Errorf("%d deadlines for %d rules", len(ds), len(Rules))
	}
	for _, d := range ds {
		if d.Rule.Item == "15" && d.Due.String() != "2026-04-01" {
			t.Errorf("item 15 due %s, want 2026-04-01 (Nauryz 2026 and its carry-overs skipped)", d.Due)
		}
	}
}
