package dossier

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sync/atomic"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"golang.org/x/sync/errgroup"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/pdf"
)

// DefaultMaxSheets is the records-practice limit of sheets in one volume.
const DefaultMaxSheets = 250

// Renderer renders a document kind konkurs makes itself from its input file
// in lang and returns the PDF. The command supplies it, so that this package
// does not depend on the templates.
type Renderer func(ctx context.Context, kind, inputPath string, lang catalog.Lang) ([]byte, error)

// Options control a build.
type Options struct {
	OutDir    string
	MaxSheets int  // sheets per volume; 0 means DefaultMaxSheets
	Copies    bool // also write the second set marked as the copy (item 9)
	// Languages of the inventory and certification sheets; empty means the
	// spec's choice (both kk and ru by default).
	Languages []catalog.Lang
	// MessageLang is the language of error messages.
	MessageLang catalog.Lang
	Render      Renderer
	// CacheDir holds pdfcpu's configuration and the stamp font; empty means
	// the user cache directory.
	CacheDir string
	// Progress, when set, is told how many steps of total are done.
	Progress func(done, total int)
}

// Build checks the spec and every attachment, lays the documents into
// volumes, and writes volume-01.pdf …, copy/volume-01.pdf … with Copies,
// and manifest.json last. Bad input returns an *InputError listing every
// problem, and nothing is written.
func Build(ctx context.Context, s *Spec, opts Options) (*Manifest, error) {
	if opts.MaxSheets == 0 {
		opts.MaxSheets = DefaultMaxSheets
	}
	lang := opts.MessageLang
	if lang == "" {
		lang = catalog.KK
	}
	if opts.MaxSheets < 2 {
		ps := &problems{lang: lang}
		ps.add("max_sheets", "dossier.err.max_sheets", "value", fmt.Sprint(opts.MaxSheets))
		return nil, ps.err()
	}
	langs := opts.Languages
	if len(langs) == 0 {
		langs, _ = s.languages()
	}
	if err := setupEngine(opts.CacheDir); err != nil {
		return nil, err
	}
	b := &builder{spec: s, opts: opts, lang: lang, langs: langs}
	b.total.Store(int64(len(s.Documents)))
	// Spec problems and bad attachments are reported together, so that one
	// run shows everything to fix.
	specErr := s.Validate(lang)
	srcs, err := b.readSources(ctx)
	if err := joinInputErrors(lang, specErr, err); err != nil {
		return nil, err
	}
	p, inventory, err := b.planWithInventory(srcs)
	if err != nil {
		return nil, err
	}
	files, err := b.bindAll(ctx, p, srcs, inventory)
	if err != nil {
		return nil, err
	}
	return b.write(p, srcs, files)
}

type builder struct {
	spec        *Spec
	opts        Options
	lang        catalog.Lang
	langs       []catalog.Lang
	done, total atomic.Int64
}

func (b *builder) step() {
	done := b.done.Add(1)
	if b.opts.Progress != nil {
		b.opts.Progress(int(done), int(b.total.Load()))
	}
}

// readSources reads, renders and checks every document in parallel; every
// bad file is reported, not just the first.
func (b *builder) readSources(ctx context.Context) ([]*source, error) {
	docs := b.spec.Documents
	srcs := make([]*source, len(docs))
	found := make([]*Problem, len(docs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, d := range docs {
		if !d.sourceUsable(b.spec) {
			continue // Validate reports it
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			defer b.step()
			where := fmt.Sprintf("documents[%d]", i)
			var data []byte
			name := d.File
			if d.Render != nil {
				name = fmt.Sprintf("%s (%s, %s)", d.Render.Kind, d.Render.Input, d.Render.Lang)
				if b.opts.Render == nil {
					found[i] = &Problem{Where: where + ".render", Key: "dossier.err.no_renderer"}
					return nil
				}
				out, err := b.opts.Render(gctx, d.Render.Kind, b.spec.resolve(d.Render.Input), catalog.Lang(d.Render.Lang))
				if err != nil {
					found[i] = &Problem{Where: where + ".render", Key: "dossier.err.render_failed", Args: []string{"reason", err.Error()}}
					return nil
				}
				data = out
			} else {
				out, err := readFile(b.spec.resolve(d.File))
				switch {
				case err != nil:
					found[i] = &Problem{Where: where + ".file", Key: "dossier.err.unreadable", Args: []string{"file", d.File, "reason", err.Error()}}
					return nil
				case len(out) > maxAttachmentBytes:
					found[i] = &Problem{Where: where + ".file", Key: "dossier.err.too_large", Args: []string{"file", d.File}}
					return nil
				}
				data = out
			}
			src, key := readSource(data)
			if key != "" {
				found[i] = &Problem{Where: where, Key: key, Args: []string{"file", name}}
				return nil
			}
			srcs[i] = src
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	ps := &problems{lang: b.lang}
	for _, p := range found {
		if p != nil {
			ps.list = append(ps.list, *p)
		}
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return srcs, nil
}

// planWithInventory lays out the volumes and the inventory together. The
// inventory's own length moves every sheet number after it, and the numbers
// it prints can change its length, so the two are iterated until the
// inventory has exactly the pages the plan reserved for it.
func (b *builder) planWithInventory(srcs []*source) (plan, []byte, error) {
	pages := make([]int, len(srcs))
	for i, s := range srcs {
		pages[i] = s.Pages
	}
	reserved := 1
	for range 50 {
		if reserved > b.opts.MaxSheets {
			ps := &problems{lang: b.lang}
			ps.add("max_sheets", "dossier.err.inventory_too_long",
				"sheets", fmt.Sprint(reserved), "max", fmt.Sprint(b.opts.MaxSheets))
			return plan{}, nil, ps.err()
		}
		p, err := planVolumes(pages, b.opts.MaxSheets, reserved)
		if err != nil {
			return plan{}, nil, err
		}
		doc := inventoryDocument(b.spec, p, srcs, b.langs)
		n, err := pdf.PageCount(doc)
		if err != nil {
			return plan{}, nil, fmt.Errorf("inventory: %w", err)
		}
		if n > reserved {
			// Only ever grow the reservation, so that the loop ends.
			reserved = n
			continue
		}
		for n < reserved {
			// A longer reservation printed shorter: pad with blank sheets
			// rather than renumber (and possibly grow) again.
			doc.Blocks = append(doc.Blocks, document.PageBreak{})
			n++
		}
		var buf bytes.Buffer
		res, err := pdf.Writer{}.Write(&buf, doc)
		if err != nil {
			return plan{}, nil, fmt.Errorf("inventory: %w", err)
		}
		if res.Pages != reserved {
			return plan{}, nil, fmt.Errorf("inventory: laid out %d pages, %d reserved", res.Pages, reserved)
		}
		return p, buf.Bytes(), nil
	}
	return plan{}, nil, errors.New("inventory: its length does not settle")
}

// volumeOut is one bound volume, original and copy.
type volumeOut struct {
	Original, Copy []byte
	Large          []int
}

func (b *builder) bindAll(ctx context.Context, p plan, srcs []*source, inventory []byte) ([]volumeOut, error) {
	volumes := len(p.VolumeSheets)
	b.total.Add(int64(volumes))
	if b.opts.Copies {
		b.total.Add(int64(volumes))
	}
	out := make([]volumeOut, volumes)
	for _, pt := range p.Parts {
		if pt.Count > 1 {
			srcs[pt.Doc].parsed = nil // split documents are re-read by part
		}
	}
	g, gctx := errgroup.WithContext(ctx)
	// Binding holds a whole volume in memory; two at a time bounds the peak.
	g.SetLimit(min(2, runtime.GOMAXPROCS(0)))
	for v := range volumes {
		var runs []pageRun
		var large []int
		var marks []pdfcpu.Bookmark
		if v == 0 {
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
		inv := 0
		if v == 0 {
			inv = p.InventorySheets
		}
		cert := certificationDocument(b.spec, v+1, p.VolumeSheets[v], inv, large, b.langs)
		var buf bytes.Buffer
		if _, err := (pdf.Writer{}).Write(&buf, cert); err != nil {
			return nil, fmt.Errorf("certification sheet of volume %d: %w", v+1, err)
		}
		runs = append(runs, pageRun{Data: buf.Bytes()})
		marks = append(marks, pdfcpu.Bookmark{Title: texts(b.langs, " / ", "dossier.cert.title"), PageFrom: p.VolumeSheets[v] + 1})
		out[v].Large = large
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			data, err := bindVolume(runs, p.VolumeSheets[v], "", marks)
			if err != nil {
				return fmt.Errorf("volume %d: %w", v+1, err)
			}
			out[v].Original = data
			b.step()
			if b.opts.Copies {
				for i := range runs {
					runs[i].Parsed = nil // consumed by the original
				}
				data, err := bindVolume(runs, p.VolumeSheets[v], texts(b.langs, " / ", "dossier.copy_mark"), marks)
				if err != nil {
					return fmt.Errorf("copy of volume %d: %w", v+1, err)
				}
				out[v].Copy = data
				b.step()
			}
			return nil
		})
	}
	return out, g.Wait()
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
		title += " (" + fmt.Sprintf("%d/%d", pt.Index, pt.Count) + ")"
	}
	return title
}

var staleVolume = regexp.MustCompile(`^volume-\d+\.pdf$`)

// write puts every volume in place (temporary files renamed only when all
// are written), removes volumes a previous, longer build left behind, and
// writes the manifest last: a manifest on disk means a complete dossier.
func (b *builder) write(p plan, srcs []*source, files []volumeOut) (*Manifest, error) {
	m := &Manifest{}
	for _, pt := range p.Parts {
		d := b.spec.Documents[pt.Doc]
		kk, ru := d.titles()
		source := d.File
		if d.Render != nil {
			source = fmt.Sprintf("render:%s:%s:%s", d.Render.Kind, d.Render.Lang, d.Render.Input)
		}
		m.Documents = append(m.Documents, ManifestDocument{TitleKK: kk, TitleRU: ru, Source: source,
			SHA256: srcs[pt.Doc].SHA256, Pages: pt.Pages(), FirstSheet: pt.FirstSheet,
			LastSheet: pt.LastSheet, Volume: pt.Volume})
		m.Totals.Pages += pt.Pages()
	}
	m.Totals.Documents = len(b.spec.Documents)
	m.Totals.Volumes = len(files)
	m.Totals.InventorySheets = p.InventorySheets
	var pending []*atomicfile.Pending
	prepare := func(rel string, data []byte) (ManifestVolume, error) {
		sum := sha256.Sum256(data)
		pf, err := atomicfile.Prepare(filepath.Join(b.opts.OutDir, rel), 0o644, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
		if err != nil {
			return ManifestVolume{}, err
		}
		pending = append(pending, pf)
		return ManifestVolume{File: filepath.ToSlash(rel), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}, nil
	}
	abort := func(err error) (*Manifest, error) {
		for _, pf := range pending {
			pf.Abort()
		}
		return nil, err
	}
	for v, f := range files {
		name := fmt.Sprintf("volume-%02d.pdf", v+1)
		mv, err := prepare(name, f.Original)
		if err != nil {
			return abort(err)
		}
		mv.Number, mv.Sheets = v+1, p.VolumeSheets[v]
		m.Volumes = append(m.Volumes, mv)
		m.Totals.Sheets += mv.Sheets
		if b.opts.Copies {
			mc, err := prepare(filepath.Join("copy", name), f.Copy)
			if err != nil {
				return abort(err)
			}
			mc.Number, mc.Sheets = v+1, p.VolumeSheets[v]
			m.Copies = append(m.Copies, mc)
		}
	}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return abort(err)
	}
	// An old manifest must not describe the new volumes, even for a moment.
	if err := os.Remove(filepath.Join(b.opts.OutDir, "manifest.json")); err != nil && !errors.Is(err, os.ErrNotExist) {
		return abort(err)
	}
	if err := atomicfile.CommitAll(pending); err != nil {
		return nil, err
	}
	for _, dir := range []string{b.opts.OutDir, filepath.Join(b.opts.OutDir, "copy")} {
		removeStaleVolumes(dir, len(files), dir != b.opts.OutDir && !b.opts.Copies)
	}
	if err := atomicfile.Write(filepath.Join(b.opts.OutDir, "manifest.json"), append(manifest, '\n'), 0o644); err != nil {
		return nil, err
	}
	return m, nil
}

// removeStaleVolumes deletes volume files numbered above keep (all of them
// when all is set) that an earlier build of the same dossier left.
func removeStaleVolumes(dir string, keep int, all bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !staleVolume.MatchString(e.Name()) {
			continue
		}
		var n int
		if _, err := fmt.Sscanf(e.Name(), "volume-%d.pdf", &n); err == nil && (all || n > keep) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
