package docx

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkWriteSmallForm renders a one-page Annex 1-like form.
func BenchmarkWriteSmallForm(b *testing.B) {
	doc := smallForm("kk")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Writer{}).Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite25Pages renders about 25 pages (LibreOffice lays out 28) of
// justified text and tables with repeated header rows.
func BenchmarkWrite25Pages(b *testing.B) {
	doc := longDocument("ru")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Writer{}).Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLibreOfficeConvert measures LibreOffice's DOCX→PDF conversion of
// the same small form, one soffice process per iteration, for the side-by-side
// in docs/performance.md. The profile directory is created once, outside the
// timer, as a warmed-up installation would have it.
func BenchmarkLibreOfficeConvert(b *testing.B) {
	soffice := requireTool(b, "soffice")
	dir := b.TempDir()
	docxPath := filepath.Join(dir, "annex1.kk.docx")
	if err := os.WriteFile(docxPath, render(b, smallForm("kk")), 0o644); err != nil {
		b.Fatal(err)
	}
	profile := filepath.Join(dir, "lo-profile")
	if out, err := libreOfficeCommand(soffice, profile, dir, docxPath).CombinedOutput(); err != nil {
		b.Fatalf("soffice: %v\n%s", err, out)
	}
	for b.Loop() {
		if out, err := libreOfficeCommand(soffice, profile, dir, docxPath).CombinedOutput(); err != nil {
			b.Fatalf("soffice: %v\n%s", err, out)
		}
	}
}
