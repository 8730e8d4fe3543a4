package competition

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
)

func TestExampleCaseFileIsValid(t *testing.T) {
	if _, err := Load("../examples/competition.yaml"); err != nil {
		t.Fatalf("example case file: %v", err)
	}
}

// Each broken case file must produce all of its expected problems at once,
// naming the field path.
func TestCaseFileProblemsAreAllReported(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		edit     func(string) string
		want     []string // "path: code" pairs that must all appear
	}{
		{"wrong BIN checksum", func(s string) string { return strings.Replace(s, `"150340001236"`, `"150340001237"`, 1) },
			[]string{"participants[0].bin: bin"}},
		{"missing ru name and bad e-mail together", func(s string) string {
			s = strings.Replace(s, "      ru: Учреждение «Палата предпринимателей Павлодарской области»\n", "", 1)
			return strings.Replace(s, "info@pavlodar-chamber.kz", "not-an-email", 1)
		}, []string{"participants[0].name.ru: required", "participants[0].email: email"}},
		{"announcement too late (item 5)", func(s string) string {
			return strings.Replace(s, "announcement_date: 2026-01-12", "announcement_date: 2026-02-01", 1)
		}, []string{"competition.announcement_date: item5"}},
		{"dates out of order", func(s string) string {
			return strings.Replace(s, "stage2_deadline: 2026-09-30", "stage2_deadline: 2026-02-01", 1)
		}, []string{"competition.stage2_deadline: date_order"}},
		{"unknown participant", func(s string) string {
			return strings.Replace(s, "participant: shymkent-spk", "participant: nobody", 1)
		}, []string{"applications[1].participant: unknown_participant"}},
		{"duplicate registration number", func(s string) string {
			return strings.Replace(s, `number: "01-12/0152"`, `number: "01-12/0147"`, 1)
		}, []string{"applications[1].registration.number: duplicate"}},
		{"bad phone and postcode", func(s string) string {
			s = strings.Replace(s, `"+7 7182 55 01 01"`, `"55-01-01"`, 1)
			return strings.Replace(s, `postcode: "140000"`, `postcode: "14"`, 1)
		}, []string{"participants[0].phone: kzphone", "participants[0].address.postcode: kzpostcode"}},
		{"registered after the deadline (item 13)", func(s string) string {
			return strings.Replace(s, "date: 2026-03-19", "date: 2026-03-23", 1)
		}, []string{"applications[2].registration.date: item13"}},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			data, err := os.ReadFile("../examples/competition.yaml")
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "case.yaml")
			if err := os.WriteFile(p, []byte(tc.edit(string(data))), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = Load(p)
			ve, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("want *ValidationError, got %v", err)
			}
			got := map[string]bool{}
			for _, e := range ve.Errors {
				got[e.Path+": "+e.Code] = true
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("missing problem %q; got %v", w, ve.Errors)
				}
			}
			for _, lang := range []catalog.Lang{catalog.KK, catalog.RU} {
				for _, line := range ve.Lines(lang) {
					if strings.Contains(line, "validation.") {
						t.Errorf("%s message without catalog text: %s", lang, line)
					}
				}
			}
		})
	}
}

func TestDecodeReportsUnknownFieldsAndSyntax(t *testing.T) {
	var c CaseFile
	err := Decode([]byte("competition:\n  id: x\n  colour: red\n"), "case.yaml", &c)
	ve, ok := err.(*ValidationError)
	if !ok || len(ve.Errors) != 1 || ve.Errors[0].Code != "unknown_field" || ve.Errors[0].Path != "line 3" {
		t.Fatalf("unknown field: got %#v", err)
	}
	err = Decode([]byte("competition: [unclosed\n"), "case.yaml", &c)
	ve, ok = err.(*ValidationError)
	if !ok || ve.Errors[0].Code != "syntax" {
		t.Fatalf("malformed YAML: got %#v", err)
	}
	err = Decode([]byte(`{"competition": {"id": "x", "colour": "red"}}`), "case.json", &c)
	ve, ok = err.(*ValidationError)
	if !ok || ve.Errors[0].Code != "unknown_field" {
		t.Fatalf("unknown JSON field: got %#v", err)
	}
}

func TestJSONCaseFileLoads(t *testing.T) {
	var c CaseFile
	data := `{"competition":{"id":"c","year":2026,"organizer":{"kk":"а","ru":"б"},"authorized_body":{"kk":"а","ru":"б"},
	"place":{"kk":"а","ru":"б"},"announcement_date":"2026-01-12","stage1_deadline":"2026-03-20"}}`
	if err := Decode([]byte(data), "case.json", &c); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Competition.Stage1Deadline.String() != "2026-03-20" {
		t.Fatalf("deadline %v", c.Competition.Stage1Deadline)
	}
}

// An unknown field or a malformed date must not hide the file's other
// problems: everything is reported at once.
func TestDecodeProblemsDoNotHideValidationProblems(t *testing.T) {
	data, err := os.ReadFile("../examples/competition.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), `"150340001236"`, `"150340001237"`, 1)
	s = strings.Replace(s, "      full_name: Ахметов Ерлан Сәкенұлы", "      fullname: Ахметов Ерлан Сәкенұлы", 1)
	s = strings.Replace(s, "stage2_deadline: 2026-09-30", "stage2_deadline: 2026-09-31", 1)
	p := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Load(p)
	ve, ok := err.(*ValidationError)
	if !ok {
		t.Fatalf("want *ValidationError, got %v", err)
	}
	codes := map[string]bool{}
	for _, e := range ve.Errors {
		codes[e.Code] = true
		if e.Code == "bin" && e.Path != "participants[0].bin" {
			t.Errorf("bin problem at %q", e.Path)
		}
	}
	for _, want := range []string{"unknown_field", "bin", "required", "invalid"} {
		if !codes[want] {
			t.Errorf("problem %q not reported; got %v", want, ve.Errors)
		}
	}
	if ve.File != p {
		t.Errorf("file %q, want %q", ve.File, p)
	}
}
