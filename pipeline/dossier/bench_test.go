package dossier

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/pdf"
)

// writerPDF renders a document of the given pages with the PDF writer: a
// heading and justified Kazakh text on every page, like a real annex.
func writerPDF(label string, pages int) ([]byte, error) {
	doc := &document.Document{Kind: "bench", Lang: "kk", Title: label}
	for p := range pages {
		if p > 0 {
			doc.Blocks = append(doc.Blocks, document.PageBreak{})
		}
		doc.Blocks = append(doc.Blocks, document.Heading{Level: 2, Text: fmt.Sprintf("%s p%d", label, p+1)})
		for range 6 {
			doc.Blocks = append(doc.Blocks, document.Justified("Аумақтық кластерді дамыту жөніндегі "+
				"тұжырымдама өңірдің экономикалық әлеуетін, кластерге қатысушылардың құрамын және "+
				"олардың бірлескен жобаларын сипаттайды."))
		}
	}
	var buf bytes.Buffer
	res, err := pdf.Writer{}.Write(&buf, doc)
	if err != nil {
		return nil, err
	}
	if res.Pages != pages {
		return nil, fmt.Errorf("%s: %d pages, want %d", label, res.Pages, pages)
	}
	return buf.Bytes(), nil
}

// benchFiles writes 50 attachments of 20 pages each (1,000 pages) once, in
// the test run's temporary directory, or in $KONKURS_DOSSIER_BENCH_DIR with
// a spec.yaml beside them, kept for timing the command itself.
var benchFiles = sync.OnceValues(func() (string, error) {
	dir := os.Getenv("KONKURS_DOSSIER_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(testRoot, "bench")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	spec := "stage: 1\ndocuments:\n"
	for i := range 50 {
		data, err := writerPDF(fmt.Sprintf("D%d", i+1), 20)
		if err != nil {
			return "", err
		}
		name := fmt.Sprintf("d%02d.pdf", i+1)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", err
		}
		d := benchSpec(dir).Documents[i]
		spec += fmt.Sprintf("  - {role: %s, title_kk: %s, title_ru: %s, file: %s}\n", d.Role, d.TitleKK, d.TitleRU, name)
	}
	return dir, os.WriteFile(filepath.Join(dir, "spec.yaml"), []byte(spec), 0o644)
})

func benchSpec(dir string) *Spec {
	s := &Spec{Stage: 1, dir: dir}
	roles := []Role{RoleAnnex1, RoleAnnex2, RoleAnnex3}
	for i := range 50 {
		r := RoleOther
		if i < len(roles) {
			r = roles[i]
		}
		s.Documents = append(s.Documents, DocumentSpec{Role: r, File: fmt.Sprintf("d%02d.pdf", i+1),
			TitleKK: fmt.Sprintf("Құжат %d", i+1), TitleRU: fmt.Sprintf("Документ %d", i+1)})
	}
	return s
}

// peakHeap samples the live heap while f runs and reports the peak in MB.
func peakHeap(b *testing.B, f func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64()+sample[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkBuild1000Pages builds a 1,000-page dossier from 50 PDFs: four
// volumes with inventory, sheet numbers and certification sheets.
func BenchmarkBuild1000Pages(b *testing.B) {
	dir, err := benchFiles()
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	s := benchSpec(dir)
	peakHeap(b, func() {
		for b.Loop() {
			m, err := Build(context.Background(), s, Options{OutDir: out})
			if err != nil {
				b.Fatal(err)
			}
			if m.Totals.Pages != 1000 {
				b.Fatalf("%d pages", m.Totals.Pages)
			}
		}
	})
}

// BenchmarkPdfcpuMergeStamp1000Pages is the floor: pdfcpu's own merge of the
// same 50 files into one PDF and a "%p" stamp on every page, with nothing
// else (no checks, inventory, volumes or certification sheets).
func BenchmarkPdfcpuMergeStamp1000Pages(b *testing.B) {
	dir, err := benchFiles()
	if err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	for i := range 50 {
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("d%02d.pdf", i+1)))
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	peakHeap(b, func() {
		for b.Loop() {
			rs := make([]io.ReadSeeker, len(files))
			for i, f := range files {
				rs[i] = bytes.NewReader(f)
			}
			var merged bytes.Buffer
			if err := api.MergeRaw(rs, &merged, false, pdfConfig()); err != nil {
				b.Fatal(err)
			}
			wm, err := api.TextWatermark("%p", sheetNumberStamp, true, false, types.POINTS)
			if err != nil {
				b.Fatal(err)
			}
			if err := api.AddWatermarks(bytes.NewReader(merged.Bytes()), io.Discard, nil, wm, pdfConfig()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
