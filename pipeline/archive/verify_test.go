package archive

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/konkurs/konkurs/catalog"
)

// Verifying a prefix under which nothing is stored is a mistyped ID, an
// input error naming it; verifying the whole of an empty archive is fine.
func TestVerifyOfAPrefixWithNothingIsNotFound(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	_, err := ta.Verify(ctx, "KZ-2026-01/stage-1/application/A-9999/")
	if err == nil || !IsInput(err) {
		t.Fatalf("verify of an unknown prefix: %v, want a not-found input error", err)
	}
	if e, ok := err.(*Error); !ok || e.Key != "archive.err.not_found" {
		t.Fatalf("error %#v, want archive.err.not_found", err)
	}
	if rep, err := ta.Verify(ctx, ""); err != nil || !rep.OK() || rep.Checked != 0 {
		t.Fatalf("verify of an empty archive: %+v, %v", rep, err)
	}
}

// Verify's details are catalog messages: the CLI shows them in kk or ru.
func TestVerifyDetailsAreLocalized(t *testing.T) {
	ta := openLocal(t, Options{})
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "dossier")
	writeDossier(t, dir, 2, 10_000)
	res, err := ta.PutDir(ctx, dir, SetSpec{Address: stage1})
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.Store().Delete(ctx, res.ID+"/volume-01.pdf"); err != nil {
		t.Fatal(err)
	}
	rep, err := ta.Verify(ctx, "")
	if err != nil || len(rep.Problems) != 1 {
		t.Fatalf("verify: %+v, %v", rep, err)
	}
	p := rep.Problems[0]
	manifest := res.ID + "/" + SetManifestName
	for lang, want := range map[catalog.Lang]string{catalog.EN: "listed in " + manifest, catalog.RU: "указан в " + manifest, catalog.KK: manifest + " тізімінде көрсетілген"} {
		if got := p.Describe(lang); got != want {
			t.Errorf("%s: detail %q, want %q", lang, got, want)
		}
	}
	if p.Detail != p.Describe(catalog.EN) {
		t.Errorf("Detail %q is not the English text", p.Detail)
	}
}
