package competition

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

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

// Notepad's "Unicode" (UTF-16 with a byte-order mark), little or big
// endian, decodes like UTF-8.
func TestDecodeAcceptsUTF16(t *testing.T) {
	text := `{"competition": {"id": "x", "place": {"kk": "Астана", "ru": "Астана"}}}`
	units := utf16.Encode([]rune(text))
	for name, order := range map[string]binary.ByteOrder{"le": binary.LittleEndian, "be": binary.BigEndian} {
		data := make([]byte, 2+2*len(units))
		order.PutUint16(data, 0xFEFF)
		for i, u := range units {
			order.PutUint16(data[2+2*i:], u)
		}
		var c CaseFile
		if err := Decode(data, "case.json", &c); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if c.Competition.ID != "x" || c.Competition.Place.KK != "Астана" {
			t.Errorf("%s: decoded %q %q", name, c.Competition.ID, c.Competition.Place.KK)
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
		// A wrong kind of value is named by its value, not by a Go type.
		{"participants: present\n", `case.yaml: line 1: неверное значение (present)`},
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
