package dossier

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
)

func TestLoadSpec(t *testing.T) {
	dir := t.TempDir()
	writeTemp(t, dir, "a.pdf", attachmentPDF(t, "A", a4))
	for _, tc := range []struct {
		scenario, name, text, wantErr string
	}{
		{"YAML", "s.yaml", "stage: 1\ndocuments:\n  - {role: annex1, file: a.pdf}\n", ""},
		{"JSON", "s.json", `{"stage": 1, "documents": [{"role": "annex1", "file": "a.pdf"}]}`, ""},
		{"unknown YAML field", "u.yaml", "stage: 1\nvolumes: 3\ndocuments: []\n", "volumes"},
		{"unknown JSON field", "u.json", `{"stage": 1, "documents": [{"role": "annex1", "path": "a.pdf"}]}`, "path"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			s, err := LoadSpec(writeTemp(t, dir, tc.name, []byte(tc.text)))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want an error naming %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// Relative paths resolve from the spec's directory.
			if got := s.resolve(s.Documents[0].File); got != filepath.Join(dir, "a.pdf") {
				t.Errorf("resolved to %s", got)
			}
		})
	}
}

// A spec that cannot be read is reported like every input of konkurs: the
// file named, the problem in the user's language.
func TestLoadSpecProblemsNameTheFileInTheUsersLanguage(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.yaml")
	_, err := LoadSpec(missing)
	var ve *competition.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("missing spec: %v, want a ValidationError", err)
	}
	if got := strings.Join(ve.Lines(catalog.RU), "\n"); !strings.HasPrefix(got, missing+": не удается прочитать файл") {
		t.Errorf("missing spec: %s", got)
	}
	// Saved by a Windows editor: byte-order mark and CRLF line endings.
	writeTemp(t, dir, "a.pdf", attachmentPDF(t, "A", a4))
	bom := writeTemp(t, dir, "bom.yaml", []byte("\uFEFFstage: 1\r\ndocuments:\r\n  - {role: annex1, file: a.pdf}\r\n"))
	if s, err := LoadSpec(bom); err != nil || s.Stage != 1 || s.Documents[0].File != "a.pdf" {
		t.Fatalf("spec with BOM and CRLF: %+v, %v", s, err)
	}
}

func TestRenderedDocuments(t *testing.T) {
	dir := t.TempDir()
	writeTemp(t, dir, "in.yaml", []byte("data"))
	writeTemp(t, dir, "c.pdf", attachmentPDF(t, "C", pagesA4(2)...))
	s := &Spec{Stage: 1, dir: dir, Documents: []DocumentSpec{
		{Role: RoleAnnex1, Render: &RenderSpec{Kind: "annex1", Input: "in.yaml", Lang: "ru"}},
		{Role: RoleAnnex2, File: "c.pdf"},
		{Role: RoleAnnex3, Render: &RenderSpec{Kind: "broken", Input: "in.yaml", Lang: "kk"}},
	}}
	var calls []string
	render := func(_ context.Context, kind, input string, lang catalog.Lang) ([]byte, error) {
		calls = append(calls, fmt.Sprintf("%s %s %s", kind, filepath.Base(input), lang))
		if kind == "broken" {
			return nil, errors.New("input: field participant.bin: wrong checksum")
		}
		return attachmentPDF(t, "RENDERED", a4), nil
	}
	_, err := Build(context.Background(), s, Options{OutDir: filepath.Join(dir, "out"), Render: render})
	var in *InputError
	if !errors.As(err, &in) || !in.Has("dossier.err.render_failed") || !strings.Contains(err.Error(), "wrong checksum") {
		t.Fatalf("want the renderer's error reported, got %v", err)
	}
	s.Documents[2] = DocumentSpec{Role: RoleAnnex3, File: "c.pdf"}
	m, err := Build(context.Background(), s, Options{OutDir: filepath.Join(dir, "out")})
	if !errors.As(err, &in) || !in.Has("dossier.err.no_renderer") || m != nil {
		t.Fatalf("without a renderer: want no_renderer, got %v", err)
	}
	var progress []string
	m, err = Build(context.Background(), s, Options{OutDir: filepath.Join(dir, "out"), Render: render,
		Progress: func(done, total int) { progress = append(progress, fmt.Sprintf("%d/%d", done, total)) }})
	if err != nil {
		t.Fatal(err)
	}
	if m.Documents[0].Source != "render:annex1:ru:in.yaml" || m.Documents[0].Pages != 1 {
		t.Errorf("rendered document in the manifest: %+v", m.Documents[0])
	}
	if last := progress[len(progress)-1]; last != "4/4" { // 3 documents, 1 volume
		t.Errorf("progress ends at %s, want 4/4 (%v)", last, progress)
	}
}

// TestRebuildReplacesOlderDossier: building a shorter dossier into the same
// directory leaves no volume of the older one behind.
func TestRebuildReplacesOlderDossier(t *testing.T) {
	dir := t.TempDir()
	writeTemp(t, dir, "long.pdf", attachmentPDF(t, "L", pagesA4(30)...))
	writeTemp(t, dir, "short.pdf", attachmentPDF(t, "S", a4))
	s := &Spec{Stage: 1, dir: dir, Documents: []DocumentSpec{
		{Role: RoleAnnex1, File: "short.pdf"}, {Role: RoleAnnex2, File: "long.pdf"}, {Role: RoleAnnex3, File: "long.pdf"}}}
	out := filepath.Join(dir, "out")
	m, err := Build(context.Background(), s, Options{OutDir: out, MaxSheets: 40, Copies: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Volumes) != 2 {
		t.Fatalf("first build: %d volumes", len(m.Volumes))
	}
	s.Documents[1].File, s.Documents[2].File = "short.pdf", "short.pdf"
	if _, err := Build(context.Background(), s, Options{OutDir: out, MaxSheets: 40}); err != nil {
		t.Fatal(err)
	}
	for _, stale := range []string{"volume-02.pdf", "copy/volume-01.pdf", "copy/volume-02.pdf"} {
		if _, err := os.Stat(filepath.Join(out, stale)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left from the older build", stale)
		}
	}
	left, _ := filepath.Glob(filepath.Join(out, "*.tmp*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
