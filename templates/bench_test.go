package templates_test

import (
	"io"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/templates"
)

// Issue 2's targets on a 2-core machine: Annex 1 as PDF ≤ 10 ms, as DOCX ≤ 2 ms.
func BenchmarkAnnex1PDF(b *testing.B)  { benchmarkAnnex1(b, pdf.Writer{}) }
func BenchmarkAnnex1DOCX(b *testing.B) { benchmarkAnnex1(b, docx.Writer{}) }

func benchmarkAnnex1(b *testing.B, w document.Writer) {
	k, _ := templates.Lookup("annex1")
	in := loadExample(b, "annex1")
	b.ReportAllocs()
	for b.Loop() {
		doc, err := k.Build(in, catalog.KK, templates.BuildOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
