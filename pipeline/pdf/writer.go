package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/signintech/gopdf"

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
	var buf bytes.Buffer
	if err := emit(&buf, doc, pages); err != nil {
		return document.Result{}, err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
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

func emit(w io.Writer, doc *document.Document, pages []*page) error {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: document.PageWidthMM * mm, H: document.PageHeightMM * mm}})
	// Fastest deflate: content streams are a fifth bigger than at the
	// default level but written in about two thirds of the time.
	gp.SetCompressLevel(zlib.BestSpeed)
	gp.SetInfo(gopdf.PdfInfo{Title: bmpOnly(doc.Title), Creator: "konkurs", Producer: "konkurs"})
	// Only the faces the document uses are embedded (as subsets).
	var used [faceCount]bool
	for _, p := range pages {
		for _, op := range p.ops {
			if op.kind != opLine {
				used[op.face] = true
			}
		}
	}
	for f := face(0); f < faceCount; f++ {
		if used[f] {
			if err := gp.AddTTFFontFromFontContainer(faceNames[f], fontContainer); err != nil {
				return fmt.Errorf("pdf: font %s: %w", faceNames[f], err)
			}
		}
	}
	for _, p := range pages {
		size := &gopdf.Rect{W: document.PageWidthMM * mm, H: document.PageHeightMM * mm}
		if p.landscape {
			size.W, size.H = size.H, size.W
		}
		gp.AddPageWithOption(gopdf.PageOption{PageSize: size})
		curFace, curSize, lineW := face(-1), 0.0, -1.0
		for _, op := range p.ops {
			if op.kind == opLine {
				if op.w != lineW {
					gp.SetLineWidth(op.w)
					lineW = op.w
				}
				gp.Line(op.x, op.y, op.x2, op.y2)
				continue
			}
			if op.face != curFace || op.size != curSize {
				if err := gp.SetFontWithStyle(faceNames[op.face], gopdf.Regular, op.size); err != nil {
					return fmt.Errorf("pdf: font %s: %w", faceNames[op.face], err)
				}
				curFace, curSize = op.face, op.size
			}
			switch op.kind {
			case opText:
				gp.SetXY(op.x, op.y)
				if err := gp.Text(op.text); err != nil {
					return fmt.Errorf("pdf: %w", err)
				}
			case opJustified:
				gp.SetXY(op.x, op.y-faceMetrics[op.face].typoAsc*op.size)
				rect := &gopdf.Rect{W: op.w, H: lineHeight(op.size)}
				if err := gp.CellWithOption(rect, op.text, gopdf.CellOption{Align: gopdf.Left | gopdf.Top | gopdf.Justify}); err != nil {
					return fmt.Errorf("pdf: %w", err)
				}
			}
		}
	}
	if _, err := gp.WriteTo(w); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// bmpOnly replaces characters beyond the Basic Multilingual Plane, which
// gopdf cannot encode in the document information dictionary.
func bmpOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, s)
}
