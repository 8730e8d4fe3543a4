package dossier

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"runtime"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"golang.org/x/sync/errgroup"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/pdf"
)

// preparedFile is a volume fully written to a temporary file next to its
// place, waiting for the others before it is renamed into place.
type preparedFile struct {
	pending *atomicfile.Pending
	rel     string // path relative to the output directory
	sha256  string
	size    int64
}

// volumeOut is one bound volume: the original and, with Copies, the copy.
type volumeOut struct {
	Original, Copy preparedFile
}

// bindAll binds every volume, two at a time, each straight into its
// temporary file so that no whole volume is held in memory.
func (b *builder) bindAll(ctx context.Context, p plan, srcs []*source, inventory []byte) ([]volumeOut, error) {
	volumes := len(p.VolumeSheets)
	b.total.Add(int64(volumes))
	if b.opts.Copies {
		b.total.Add(int64(volumes))
	}
	for _, pt := range p.Parts {
		if pt.Count > 1 {
			srcs[pt.Doc].parsed = nil // split documents are re-read by part
		}
	}
	out := make([]volumeOut, volumes)
	g, gctx := errgroup.WithContext(ctx)
	// A volume being bound is held in memory as parsed PDF objects; two at a
	// time keep both CPUs busy, one at a time bounds the peak for big scans.
	workers := min(2, runtime.GOMAXPROCS(0))
	if totalBytes(srcs) > parsedBudget {
		workers = 1
	}
	g.SetLimit(workers)
	for v := range volumes {
		runs, marks, err := b.volumeRuns(p, srcs, inventory, v)
		if err != nil {
			return abortVolumes(out, err)
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			name := fmt.Sprintf("volume-%02d.pdf", v+1)
			orig, err := b.prepare(name, func(w io.Writer) error {
				return bindVolume(w, runs, p.VolumeSheets[v], "", marks, b.volumeInfo(v+1))
			})
			if err != nil {
				return fmt.Errorf("volume %d: %w", v+1, err)
			}
			out[v].Original = orig
			b.step()
			if !b.opts.Copies {
				return nil
			}
			for i := range runs {
				runs[i].Parsed = nil // consumed by the original
			}
			// The mark is in both languages whatever the sheets' language:
			// «КӨШІРМЕ / КОПИЯ» reads the same to every clerk.
			mark := texts(catalog.DocumentLangs, " / ", "dossier.copy_mark")
			cp, err := b.prepare(filepath.Join("copy", name), func(w io.Writer) error {
				return bindVolume(w, runs, p.VolumeSheets[v], mark, marks, b.volumeInfo(v+1))
			})
			if err != nil {
				return fmt.Errorf("copy of volume %d: %w", v+1, err)
			}
			out[v].Copy = cp
			b.step()
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return abortVolumes(out, err)
	}
	return out, nil
}

// volumeRuns lists what volume v binds, in order: the inventory (volume 1),
// the documents' parts, and the certification sheet; with a bookmark each.
func (b *builder) volumeRuns(p plan, srcs []*source, inventory []byte, v int) ([]pageRun, []pdfcpu.Bookmark, error) {
	var runs []pageRun
	var large []int
	var marks []pdfcpu.Bookmark
	inv := 0
	if v == 0 {
		inv = p.InventorySheets
		runs = append(runs, pageRun{Data: inventory})
		marks = append(marks, pdfcpu.Bookmark{Title: texts(b.langs, " / ", "dossier.inventory.title"), PageFrom: 1})
	}
	for _, pt := range p.Parts {
		if pt.Volume != v+1 {
			continue
		}
		src := srcs[pt.Doc]
		run := pageRun{Data: src.Data}
		if pt.Count > 1 {
			run.From, run.To = pt.From, pt.To
		} else {
			run.Parsed = src.takeParsed()
		}
		runs = append(runs, run)
		large = append(large, largeSheets(pt, src)...)
		marks = append(marks, pdfcpu.Bookmark{Title: b.partTitle(pt), PageFrom: pt.FirstSheet})
	}
	cert := certificationDocument(b.spec, v+1, p.VolumeSheets[v], inv, large, b.langs)
	var buf bytes.Buffer
	if _, err := (pdf.Writer{}).Write(&buf, cert); err != nil {
		return nil, nil, fmt.Errorf("certification sheet of volume %d: %w", v+1, err)
	}
	runs = append(runs, pageRun{Data: buf.Bytes()})
	marks = append(marks, pdfcpu.Bookmark{Title: texts(b.langs, " / ", "dossier.cert.title"), PageFrom: p.VolumeSheets[v] + 1})
	return runs, marks, nil
}

// prepare writes a file through fill into a temporary file in the output
// directory, hashing and counting it on the way.
func (b *builder) prepare(rel string, fill func(io.Writer) error) (preparedFile, error) {
	h := sha256.New()
	var size countingWriter
	pf, err := atomicfile.Prepare(filepath.Join(b.opts.OutDir, rel), 0o644, func(w io.Writer) error {
		return fill(io.MultiWriter(w, h, &size))
	})
	if err != nil {
		return preparedFile{}, err
	}
	return preparedFile{pending: pf, rel: filepath.ToSlash(rel), sha256: hex.EncodeToString(h.Sum(nil)), size: int64(size)}, nil
}

type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// abortVolumes removes every temporary file written so far.
func abortVolumes(out []volumeOut, err error) ([]volumeOut, error) {
	for _, v := range out {
		for _, f := range []preparedFile{v.Original, v.Copy} {
			if f.pending != nil {
				f.pending.Abort()
			}
		}
	}
	return nil, err
}

// partTitle is a document's bookmark: its number and title in the first
// language of the sheets, and its part when it is split.
func (b *builder) partTitle(pt part) string {
	kk, ru := b.spec.Documents[pt.Doc].titles()
	title := kk
	if b.langs[0] == catalog.RU {
		title = ru
	}
	title = fmt.Sprintf("%d. %s", pt.Doc+1, title)
	if pt.Count > 1 {
		title += fmt.Sprintf(" (%d/%d)", pt.Index, pt.Count)
	}
	return title
}
