package competition

import (
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
)

// A file saved by a Windows editor starts with a byte-order mark; it is
// still the same input, in JSON as in YAML.
func TestDecodeAcceptsByteOrderMark(t *testing.T) {
	const bom = "\uFEFF"
	for name, data := range map[string]string{
		"case.json": bom + `{"competition": {"id": "x"}}`,
		"case":      bom + `{"competition": {"id": "x"}}`,
		"case.yaml": bom + "competition:\n  id: x\n",
	} {
		var c CaseFile
		if err := Decode([]byte(data), name, &c); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if c.Competition.ID != "x" {
			t.Errorf("%s: id %q, want x", name, c.Competition.ID)
		}
	}
}

// Windows line endings decode like Unix ones and leave no \r in values.
func TestDecodeAcceptsWindowsLineEndings(t *testing.T) {
	var c CaseFile
	if err := Decode([]byte("competition:\r\n  id: x\r\n  place:\r\n    kk: Астана\r\n"), "case.yaml", &c); err != nil {
		t.Fatal(err)
	}
	if c.Competition.ID != "x" || c.Competition.Place.KK != "Астана" {
		t.Fatalf("decoded %q %q", c.Competition.ID, c.Competition.Place.KK)
	}
}

// A date that is not YYYY-MM-DD is reported in the user's language with
// the line and the expected form, not as English prose.
func TestDecodeReportsBadDateInUsersLanguage(t *testing.T) {
	for _, tc := range []struct{ input, want string }{
		{"competition:\n  stage1_deadline: 2026-02-30\n", `case.yaml: line 2: неверное значение ("2026-02-30" → YYYY-MM-DD)`},
		{"competition:\n  stage1_deadline: 20.03.2026\n", `case.yaml: line 2: неверное значение ("20.03.2026" → YYYY-MM-DD)`},
		{"competition:\n  stage1_deadline: [1]\n", `case.yaml: line 2: неверное значение (YYYY-MM-DD)`},
	} {
		var c CaseFile
		err := Decode([]byte(tc.input), "case.yaml", &c)
		ve, ok := err.(*ValidationError)
		if !ok {
			t.Fatalf("%q: got %v", tc.input, err)
		}
		if got := strings.Join(ve.Lines(catalog.RU), "\n"); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.input, got, tc.want)
		}
	}
}
