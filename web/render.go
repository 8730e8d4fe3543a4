package web

import (
	"context"
	"fmt"
	"golang.org/x/sync/errgroup"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/pipeline/render"
	"github.com/konkurs/konkurs/templates"
)

// renderedFile is one rendered document held for download.
type renderedFile struct {
	Name  string
	Lang  catalog.Lang
	Kind  string
	Data  []byte
	Pages int
}

// ContentType is the file's media type.
func (f renderedFile) ContentType() string {
	if strings.HasSuffix(f.Name, ".pdf") {
		return "application/pdf"
	}
	return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}

// IsPDF reports whether the file is a PDF (pages show PDFs in a preview).
func (f renderedFile) IsPDF() bool { return strings.HasSuffix(f.Name, ".pdf") }

// writerFor picks the writer for a format name.
func writerFor(format string) (document.Writer, error) {
	switch format {
	case "pdf", "":
		return pdf.Writer{}, nil
	case "docx":
		return docx.Writer{}, nil
	}
	return nil, statusError(http.StatusBadRequest, "web.error.bad_format", "value", format)
}

// docLang parses a document language (kk or ru).
func docLang(s string, fallback catalog.Lang) (catalog.Lang, error) {
	if s == "" {
		return fallback, nil
	}
	if l, ok := uiLang(s); ok {
		return l, nil
	}
	return "", statusError(http.StatusBadRequest, "web.error.bad_lang")
}

// renderOne renders one document in one language and format. Renders run
// at most one per CPU at a time and the rest wait their turn in order: a
// burst of requests then finishes one by one instead of all slowing down
// together (and holding all their memory at once).
func (s *Server) renderOne(ctx context.Context, k *templates.Kind, input any, lang catalog.Lang, w document.Writer, blank bool) (renderedFile, error) {
	select {
	case s.renderSlots <- struct{}{}:
	case <-ctx.Done():
		return renderedFile{}, ctx.Err()
	}
	defer func() { <-s.renderSlots }()
	outs, err := render.Run(ctx, []render.Job{{Kind: k, Input: input, Lang: lang, Writer: w, Blank: blank}}, 1)
	if err != nil {
		return renderedFile{}, err
	}
	s.metrics.inc("konkurs_documents_rendered_total", "kind", k.Name, "format", w.Format())
	o := outs[0]
	return renderedFile{Name: o.Name, Lang: lang, Kind: k.Name, Data: o.Data, Pages: o.Pages}, nil
}

// renderSet renders a document in the given languages, PDF and DOCX.
func (s *Server) renderSet(ctx context.Context, k *templates.Kind, input any, langs []catalog.Lang, blank bool) ([]renderedFile, error) {
	jobs := render.Jobs(k, input, langs, []document.Writer{pdf.Writer{}, docx.Writer{}}, blank)
	files := make([]renderedFile, len(jobs))
	g, ctx := errgroup.WithContext(ctx)
	for i, j := range jobs {
		g.Go(func() error {
			f, err := s.renderOne(ctx, k, input, j.Lang, j.Writer, blank)
			files[i] = f
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return files, nil
}

// sendFile answers with a rendered file, inline (for the preview) or as a
// download.
func sendFile(w http.ResponseWriter, f renderedFile, inline bool) {
	disp := "attachment"
	if inline {
		disp = "inline"
	}
	w.Header().Set("Content-Type", f.ContentType())
	w.Header().Set("Content-Disposition", fmt.Sprintf("%s; filename=%q", disp, f.Name))
	w.Header().Set("Content-Length", fmt.Sprint(len(f.Data)))
	w.Header().Set("Cache-Control", "private, no-store")
	if f.Pages > 0 {
		w.Header().Set("X-Konkurs-Pages", fmt.Sprint(f.Pages))
	}
	_, _ = w.Write(f.Data)
}

// decodeInput strictly decodes a kind's JSON or YAML input and validates it.
func decodeInput(k *templates.Kind, data []byte, name string) (any, error) {
	in := k.NewInput()
	if err := competition.Decode(data, name, in); err != nil {
		return nil, err
	}
	if err := templates.ValidateInput(in); err != nil {
		return nil, err
	}
	// Some rules (e.g. Annex 2's page limit) can only be checked on the
	// laid-out document, as "konkurs validate" does.
	if check, ok := in.(interface{ CheckLayout() error }); ok {
		if err := check.CheckLayout(); err != nil {
			return nil, inputProblem(err)
		}
	}
	return in, nil
}

// resultCache keeps what a user rendered for half an hour, so the result
// page can preview it and offer downloads; only its owner may fetch it.
type resultCache struct {
	mu    sync.Mutex
	byID  map[string]*result
	now   func() time.Time
	order []string
}

type result struct {
	ID      string
	Owner   string
	Kind    string
	Title   string
	Files   []renderedFile
	created time.Time
}

const (
	resultTTL   = 30 * time.Minute
	resultLimit = 500 // at most this many results held; the oldest go first
)

func newResultCache(now func() time.Time) *resultCache {
	return &resultCache{byID: map[string]*result{}, now: now}
}

func (c *resultCache) put(owner, kind, title string, files []renderedFile) *result {
	r := &result{ID: RandomSecret(16), Owner: owner, Kind: kind, Title: title, Files: files, created: c.now()}
	c.mu.Lock()
	defer c.mu.Unlock()
	for len(c.order) > 0 && (len(c.order) >= resultLimit || c.now().Sub(c.byID[c.order[0]].created) > resultTTL) {
		delete(c.byID, c.order[0])
		c.order = c.order[1:]
	}
	c.byID[r.ID] = r
	c.order = append(c.order, r.ID)
	return r
}

// get returns the result when it exists and belongs to owner; another
// user's result is reported as not found, not as forbidden.
func (c *resultCache) get(id, owner string) (*result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.byID[id]
	if !ok || r.Owner != owner || c.now().Sub(r.created) > resultTTL {
		return nil, false
	}
	return r, true
}

// decodeCaseFile strictly decodes and validates a case file sent by a user.
func decodeCaseFile(data []byte, name string) (*competition.CaseFile, error) {
	var cf competition.CaseFile
	if err := competition.Decode(data, name, &cf); err != nil {
		return nil, err
	}
	if err := cf.Validate(); err != nil {
		return nil, err
	}
	return &cf, nil
}

// inputProblem reports an error of deriving an input from a case file as
// a problem of the user's data (422), as the CLI does.
func inputProblem(err error) error {
	if _, ok := err.(*competition.ValidationError); ok {
		return err
	}
	ve := &competition.ValidationError{}
	ve.Merge(err)
	return ve
}
