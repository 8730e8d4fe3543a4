package templates_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/pipeline/render"
	"github.com/konkurs/konkurs/templates"
)

// concept25 is the example concept grown to 25 pages, the rule's maximum.
func concept25(b *testing.B) *document.Document {
	in := concept(b)
	k, _ := templates.Lookup("annex2")
	var ids []string
	for _, it := range competition.ConceptOutline {
		if it.Content {
			ids = append(ids, it.ID)
		}
	}
	for i := 0; i < 10*len(ids); i++ {
		id := ids[i%len(ids)]
		doc, err := k.Build(in, catalog.KK, templates.BuildOptions{})
		if err != nil {
			b.Fatal(err)
		}
		n, err := pdf.PageCount(doc)
		if err != nil {
			b.Fatal(err)
		}
		if n == 25 {
			return doc
		}
		if n > 25 {
			break
		}
		// The first paragraph of each item is a short one: small steps.
		in.Sections[id] = append(in.Sections[id], in.Sections[id][0])
	}
	b.Fatal("could not make a 25-page concept")
	return nil
}

// Target: ≤ 60 ms for a 25-page Annex 2 as PDF.
func BenchmarkAnnex2PDF25Pages(b *testing.B) {
	doc := concept25(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := (pdf.Writer{}).Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// Target: ≤ 15 ms for a 25-page Annex 2 as DOCX.
func BenchmarkAnnex2DOCX25Pages(b *testing.B) {
	doc := concept25(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := (docx.Writer{}).Write(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// Building the document model of a 25-page concept (both writers start here).
func BenchmarkAnnex2Build(b *testing.B) {
	in := concept(b)
	k, _ := templates.Lookup("annex2")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := k.Build(in, catalog.KK, templates.BuildOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// applicationKinds are the documents of one application: the six annexes
// and the expert scoring sheet.
var applicationKinds = []string{"annex1", "annex2", "annex3", "annex4", "annex5", "annex6", "scoresheet"}

// BenchmarkFiftyApplications renders every document of 50 applications in
// kk and ru, PDF and DOCX (1 400 files), with 1 and 2 workers.
func BenchmarkFiftyApplications(b *testing.B) {
	var jobs []render.Job
	writers := []document.Writer{pdf.Writer{}, docx.Writer{}}
	for _, name := range applicationKinds {
		k, err := templates.Lookup(name)
		if err != nil {
			b.Fatal(err)
		}
		in := exampleInput(b, name)
		for a := 0; a < 50; a++ {
			jobs = append(jobs, render.Jobs(k, in, catalog.DocumentLangs, writers, false)...)
		}
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				outs, err := render.Run(context.Background(), jobs, workers)
				if err != nil {
					b.Fatal(err)
				}
				if len(outs) != len(jobs) {
					b.Fatalf("%d outputs for %d jobs", len(outs), len(jobs))
				}
			}
			b.ReportMetric(float64(len(jobs)), "files/op")
		})
	}
}
