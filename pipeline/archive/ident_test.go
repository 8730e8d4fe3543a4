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

func TestFileNameRules(t *testing.T) {
	for _, ok := range []string{"Протокол 1.pdf", "Хаттама № 2 (қол қойылған).pdf", "minutes-stage1.kk.pdf", "акт, 2026 г.pdf", "100% итог.pdf", strings.Repeat("ж", 100)} {
		if err := validFileName(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, tc := range []struct{ scenario, name, rule string }{
		{"empty", "", "archive.file_rule.empty"},
		{"dot-dot", "..", "archive.file_rule.dot"},
		{"hidden", ".hidden.pdf", "archive.file_rule.dot"},
		{"path", "a/b.pdf", "archive.file_rule.char"},
		{"absolute", "/etc/passwd", "archive.file_rule.char"},
		{"backslash", `..\x.pdf`, "archive.file_rule.dot"},
		{"backslash inside", `a\b.pdf`, "archive.file_rule.char"},
		{"NUL", "a\x00b.pdf", "archive.file_rule.char"},
		{"tab", "a\tb.pdf", "archive.file_rule.char"},
		{"newline", "a\nb.pdf", "archive.file_rule.char"},
		{"no-break space", "a\u00a0b.pdf", "archive.file_rule.char"},
		{"right-to-left override", "отчет\u202efdp.exe", "archive.file_rule.char"},
		{"Windows-forbidden", "a?.pdf", "archive.file_rule.char"},
		{"leading space", " a.pdf", "archive.file_rule.ends"},
		{"trailing space", "a.pdf ", "archive.file_rule.ends"},
		{"trailing dot", "a.", "archive.file_rule.ends"},
		{"reserved", SetManifestName, "archive.file_rule.reserved"},
		{"over-long", strings.Repeat("ж", 101), "archive.file_rule.long"},
		{"invalid UTF-8", "a\xffb.pdf", "archive.file_rule.utf8"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			err := validFileName(tc.name)
			var ae, rule *Error
			if !errors.As(err, &ae) || ae.Key != "archive.err.file_name" || !IsInput(err) {
				t.Fatalf("err = %v, want input error archive.err.file_name", err)
			}
			if !errors.As(ae.Err, &rule) || rule.Key != tc.rule {
				t.Errorf("rule %v, want %s", ae.Err, tc.rule)
			}
		})
	}
}

func TestIdentFromName(t *testing.T) {
	for name, want := range map[string]string{
		"Протокол 1":                 "Протокол-1",
		"Хаттама № 2 (қол қойылған)": "Хаттама-2-қол-қойылған",
		"minutes-stage1":             "minutes-stage1",
		".hidden":                    "hidden",
		strings.Repeat("ж", 60):      strings.Repeat("ж", 50),
	} {
		got := identFromName(name)
		if got != want {
			t.Errorf("identFromName(%q) = %q, want %q", name, got, want)
		}
		if err := validIdent("document", got); err != nil {
			t.Errorf("identFromName(%q) = %q is not a valid identifier: %v", name, got, err)
		}
	}
}
