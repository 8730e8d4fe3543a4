package dossier

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

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
	// the user cache directory. pdfcpu keeps it in package state, so the
	// first build in a process decides it.
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
	for _, l := range langs {
		if l != catalog.KK && l != catalog.RU {
			ps := &problems{lang: lang}
			ps.add("languages", "dossier.err.languages", "value", string(l))
			return nil, ps.err()
		}
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
	keepParsedWithinBudget(srcs)
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

// parsedBudget bounds the attachment bytes whose parsed form is kept from
// checking to binding. Above it (big scans) each file is parsed again when
// its volume is bound, trading time for memory.
const parsedBudget = 64 << 20

func keepParsedWithinBudget(srcs []*source) {
	if totalBytes(srcs) <= parsedBudget {
		return
	}
	for _, s := range srcs {
		s.parsed = nil
	}
}

func totalBytes(srcs []*source) int {
	total := 0
	for _, s := range srcs {
		total += len(s.Data)
	}
	return total
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
