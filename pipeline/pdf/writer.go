package pdf

import (
	"fmt"
	"io"

	"github.com/konkurs/konkurs/pipeline/document"
)

// Writer renders documents to PDF. It holds no state and is safe for
// concurrent use; the parsed fonts are shared read-only.
type Writer struct{}

var _ document.Writer = Writer{}

// Format returns "pdf".
func (Writer) Format() string { return "pdf" }

// Write lays the document out and writes the PDF. Nothing is written when the
// layout fails (for example on a character the fonts cannot draw). The same
// document always gives the same bytes: no dates or random ids are embedded.
func (Writer) Write(w io.Writer, doc *document.Document) (document.Result, error) {
	pages, err := lay(doc)
	if err != nil {
		return document.Result{}, err
	}
	if err := emitFile(w, doc, pages); err != nil {
		return document.Result{}, err
	}
	return document.Result{Pages: len(pages)}, nil
}

// PageCount returns how many pages Write would produce, without making a PDF.
func PageCount(doc *document.Document) (int, error) {
	pages, err := lay(doc)
	return len(pages), err
}

func lay(doc *document.Document) ([]*page, error) {
	if doc == nil {
		return nil, fmt.Errorf("pdf: no document")
	}
	if err := loadFaces(); err != nil {
		return nil, err
	}
	l := newLayout(doc)
	if err := l.run(); err != nil {
		return nil, err
	}
	return l.pages, nil
}
