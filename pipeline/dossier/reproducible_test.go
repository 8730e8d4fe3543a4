package dossier

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/pipeline/render"
)

// renderWithTemplates renders a document kind as the command does.
func renderWithTemplates(_ context.Context, kind, inputPath string, lang catalog.Lang) ([]byte, error) {
	return render.File(kind, inputPath, lang, pdf.Writer{})
}

// buildExample builds examples/dossier.yaml in two volumes with copies, as
// `konkurs demo` does, and returns every file written, by relative path.
func buildExample(t *testing.T, out string) map[string][]byte {
	t.Helper()
	spec, err := LoadSpec(filepath.Join(examplesDir, "dossier.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), spec, Options{OutDir: out, MaxSheets: 15, Copies: true,
		Render: renderWithTemplates, CacheDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(out, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildIsReproducible: the archive deduplicates and verifies dossiers by
// their SHA-256, so the same spec and attachments must give the same bytes
// in every volume, every copy and the manifest, build after build.
func TestBuildIsReproducible(t *testing.T) {
	first := buildExample(t, filepath.Join(t.TempDir(), "first"))
	second := buildExample(t, filepath.Join(t.TempDir(), "second"))

	names := slices.Sorted(func(yield func(string) bool) {
		for name := range first {
			if !yield(name) {
				return
			}
		}
	})
	want := []string{"copy/volume-01.pdf", "copy/volume-02.pdf", "manifest.json", "volume-01.pdf", "volume-02.pdf"}
	if !slices.Equal(names, want) {
		t.Fatalf("first build wrote %v, want %v", names, want)
	}
	if len(second) != len(first) {
		t.Errorf("second build wrote %d files, the first %d", len(second), len(first))
	}
	for _, name := range names {
		if !bytes.Equal(first[name], second[name]) {
			t.Errorf("%s differs between two builds of the same spec (%d and %d bytes)",
				name, len(first[name]), len(second[name]))
		}
	}
}

// TestVolumeMetadataComesFromInput: no clock in the volumes. The Info
// dictionary carries the spec's date, and the /ID is the start of the
// SHA-256 of the file's body; the volumes stay valid for pdfcpu and qpdf.
func TestVolumeMetadataComesFromInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "d")
	files := buildExample(t, out)
	idPattern := regexp.MustCompile(`/ID\[<([0-9a-f]{32})><([0-9a-f]{32})>\]`)
	for _, name := range []string{"volume-01.pdf", "volume-02.pdf", "copy/volume-01.pdf", "copy/volume-02.pdf"} {
		data := files[name]
		path := filepath.Join(out, filepath.FromSlash(name))
		conf := model.NewDefaultConfiguration()
		conf.ValidationMode = model.ValidationStrict
		ctx, err := api.ReadContext(bytes.NewReader(data), conf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := api.ValidateContext(ctx); err != nil {
			t.Errorf("%s: pdfcpu validate: %v", name, err)
		}
		info, err := ctx.DereferenceDict(*ctx.Info)
		if err != nil {
			t.Fatalf("%s: info: %v", name, err)
		}
		for _, key := range []string{"CreationDate", "ModDate"} {
			if got := info.StringEntry(key); got == nil || *got != "D:20260312" {
				t.Errorf("%s: %s = %v, want the spec's date D:20260312", name, key, got)
			}
		}
		xref := bytes.LastIndex(data, []byte("\nxref\n")) + 1
		m := idPattern.FindSubmatch(data[xref:])
		sum := sha256.Sum256(data[:xref])
		if m == nil || string(m[1]) != hex.EncodeToString(sum[:16]) || string(m[1]) != string(m[2]) {
			t.Errorf("%s: trailer /ID is not the SHA-256 of the body: %q", name, m)
		}
		if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
		}
	}
	// The stamps are still text that a reader finds top right.
	texts := pageTexts(t, filepath.Join(out, "volume-01.pdf"))
	if len(texts) != 15 {
		t.Fatalf("volume 1 has %d pages, want 14 sheets and the certification sheet", len(texts))
	}
	for i, page := range texts[:14] {
		if got := sheetStamp(page); got != fmt.Sprint(i+1) {
			t.Errorf("volume 1, page %d: stamp %q", i+1, got)
		}
	}
}

// TestSplitDocumentIsReproducible: a document longer than a volume is cut
// into parts through an extra pdfcpu round trip; its volumes must still be
// the same bytes build after build.
func TestSplitDocumentIsReproducible(t *testing.T) {
	docs := append(stage1(), testDoc{RoleOther, pagesA4(45)})
	opts := Options{MaxSheets: 20, Copies: true}
	m1, out1 := buildTestDossier(t, docs, opts)
	m2, out2 := buildTestDossier(t, docs, opts)
	if len(m1.Volumes) < 3 {
		t.Fatalf("want the 45-page document split over volumes, got %d volumes", len(m1.Volumes))
	}
	for _, v := range append(m1.Volumes, m1.Copies...) {
		a, errA := os.ReadFile(filepath.Join(out1, v.File))
		b, errB := os.ReadFile(filepath.Join(out2, v.File))
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds", v.File)
		}
	}
	if fmt.Sprint(m1.Volumes, m1.Copies) != fmt.Sprint(m2.Volumes, m2.Copies) {
		t.Errorf("manifests differ:\n%v\n%v", m1.Volumes, m2.Volumes)
	}
}
