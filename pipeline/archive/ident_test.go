package archive

import (
	"errors"
	"strings"
	"testing"
)

func TestAddressRefusesUnsafeIdentifiers(t *testing.T) {
	ok := Address{Competition: "KZ-2026-01", Stage: 1, Application: "Өтінім-7", Document: "dossier"}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid address refused: %v", err)
	}
	for _, tc := range []struct {
		scenario string
		change   func(*Address)
		key      string
	}{
		{"dot-dot", func(a *Address) { a.Competition = ".." }, "archive.err.field_bad"},
		{"path in document", func(a *Address) { a.Document = "../../etc/passwd" }, "archive.err.field_bad"},
		{"absolute", func(a *Address) { a.Application = "/abs" }, "archive.err.field_bad"},
		{"NUL", func(a *Address) { a.Document = "a\x00b" }, "archive.err.field_bad"},
		{"control character", func(a *Address) { a.Document = "a\tb" }, "archive.err.field_bad"},
		{"space", func(a *Address) { a.Document = "a b" }, "archive.err.field_bad"},
		{"hidden", func(a *Address) { a.Document = ".hidden" }, "archive.err.field_bad"},
		{"over-long", func(a *Address) { a.Document = strings.Repeat("ж", 51) }, "archive.err.field_long"},
		{"empty competition", func(a *Address) { a.Competition = "" }, "archive.err.field_empty"},
		{"stage 3", func(a *Address) { a.Stage = 3 }, "archive.err.stage"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			a := ok
			tc.change(&a)
			err := a.Validate()
			var ae *Error
			if !errors.As(err, &ae) || ae.Key != tc.key {
				t.Fatalf("err = %v, want %s", err, tc.key)
			}
			if !IsInput(err) {
				t.Errorf("%v is not marked as invalid input", err)
			}
		})
	}
}

func TestKeyLayoutRoundTrip(t *testing.T) {
	for _, a := range []Address{
		{Competition: "KZ-2026-01", Stage: 1, Application: "A-0007", Document: "dossier"},
		{Competition: "KZ-2026-01", Stage: 2, Document: "minutes-stage2"},
	} {
		id := a.SetID(3) + "/volume-01.pdf"
		got, v, rest, ok := parseKey(id)
		if !ok || got != a || v != 3 || rest != "volume-01.pdf" {
			t.Errorf("parseKey(%q) = %+v %d %q %v", id, got, v, rest, ok)
		}
	}
	if want := "KZ-2026-01/stage-2/protocol/minutes-stage2/v1"; (Address{Competition: "KZ-2026-01", Stage: 2, Document: "minutes-stage2"}).SetID(1) != want {
		t.Errorf("protocol set ID is not %s", want)
	}
}
