// Package render turns document kinds and their inputs into files: it builds
// each document once per language, runs the writers in parallel and writes
// the results only when every one of them succeeded.
package render

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/templates"
)

// Job is one document in one language and one format.
type Job struct {
	Kind   *templates.Kind
	Input  any
	Lang   catalog.Lang
	Writer document.Writer
	Blank  bool
	// Name overrides the output file's base name (default KIND.LANG.FORMAT).
	Name string
}

// FileName is the job's output file name: DOC.LANG.FORMAT.
func (j Job) FileName() string {
	if j.Name != "" {
		return j.Name
	}
	return fmt.Sprintf("%s.%s.%s", j.Kind.Name, j.Lang, j.Writer.Format())
}

// Output is a rendered file held in memory.
type Output struct {
	Name  string
	Data  []byte
	Pages int // 0 when the writer does not lay out pages (DOCX)
}

// Jobs expands a kind and input into one job per language and writer.
func Jobs(k *templates.Kind, input any, langs []catalog.Lang, writers []document.Writer, blank bool) []Job {
	jobs := make([]Job, 0, len(langs)*len(writers))
	for _, l := range langs {
		for _, w := range writers {
			jobs = append(jobs, Job{Kind: k, Input: input, Lang: l, Writer: w, Blank: blank})
		}
	}
	return jobs
}

// Build lays out one job's document.
func Build(j Job) (*document.Document, error) {
	return j.Kind.Build(j.Input, j.Lang, templates.BuildOptions{Blank: j.Blank})
}

// Run renders every job with up to workers goroutines (0: one per CPU).
// Outputs keep the jobs' order.
func Run(ctx context.Context, jobs []Job, workers int) ([]Output, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	outs := make([]Output, len(jobs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	for i, j := range jobs {
		g.Go(func() error {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc, err := Build(j)
			if err != nil {
				return fmt.Errorf("%s: %w", j.FileName(), err)
			}
			var buf bytes.Buffer
			res, err := j.Writer.Write(&buf, doc)
			if err != nil {
				return fmt.Errorf("%s: %w", j.FileName(), err)
			}
			outs[i] = Output{Name: j.FileName(), Data: buf.Bytes(), Pages: res.Pages}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return outs, nil
}

// WriteAll writes outputs into dir: every file is written to a temporary
// name first and renamed only when all were written.
func WriteAll(dir string, outs []Output) error {
	pending := make([]*atomicfile.Pending, 0, len(outs))
	for _, o := range outs {
		p, err := atomicfile.Prepare(filepath.Join(dir, o.Name), 0o644, func(w io.Writer) error {
			_, err := w.Write(o.Data)
			return err
		})
		if err != nil {
			for _, done := range pending {
				done.Abort()
			}
			return err
		}
		pending = append(pending, p)
	}
	return atomicfile.CommitAll(pending)
}

// File renders one document of kind from its input file in lang with w,
// e.g. a form konkurs makes itself for binding into a dossier. Problems of
// the input come back as a *competition.ValidationError.
func File(kind, inputPath string, lang catalog.Lang, w document.Writer) ([]byte, error) {
	k, err := templates.Lookup(kind)
	if err != nil {
		return nil, err
	}
	in, err := templates.LoadInput(k, inputPath, "")
	if err != nil {
		return nil, err
	}
	doc, err := k.Build(in, lang, templates.BuildOptions{})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := w.Write(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
