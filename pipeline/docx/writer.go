package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/konkurs/konkurs/pipeline/document"
)

// Writer renders documents as .docx. It holds no state, so one value may be
// used from many goroutines at once.
type Writer struct{}

var _ document.Writer = Writer{}

// Format returns the file extension.
func (Writer) Format() string { return "docx" }

// zipTime is the fixed modification time of every part: the same document
// gives byte-identical files, so archives and tests can compare hashes.
var zipTime = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// part is one file of the package, in the order written.
type part struct {
	name string
	body []byte
}

// Write renders doc into w. The whole package is assembled in memory first,
// so on error nothing has been written to w.
func (Writer) Write(w io.Writer, doc *document.Document) (document.Result, error) {
	if doc == nil {
		return document.Result{}, fmt.Errorf("docx: nil document")
	}
	langTag, err := languageTag(doc.Lang)
	if err != nil {
		return document.Result{}, err
	}
	withFooter := !doc.NoPageNumbers || doc.Footer != ""
	body, err := documentXML(doc, withFooter)
	if err != nil {
		return document.Result{}, err
	}
	parts := []part{
		{"[Content_Types].xml", []byte(contentTypesXML(withFooter))},
		{"_rels/.rels", []byte(packageRelsXML)},
		{"word/document.xml", body},
		{"word/_rels/document.xml.rels", []byte(documentRelsXML(withFooter))},
		{"word/styles.xml", []byte(stylesXML(langTag))},
		{"word/settings.xml", []byte(settingsXML(langTag))},
	}
	if withFooter {
		parts = append(parts, part{"word/footer1.xml", []byte(footerXML(doc))})
	}
	parts = append(parts,
		part{"docProps/core.xml", []byte(coreXML(doc, langTag))},
		part{"docProps/app.xml", []byte(appXML)},
	)

	var buf bytes.Buffer
	buf.Grow(len(body)/3 + 8<<10)
	if err := zipParts(&buf, parts); err != nil {
		return document.Result{}, fmt.Errorf("docx: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return document.Result{}, fmt.Errorf("docx: write: %w", err)
	}
	return document.Result{}, nil
}

// compressors are reused across calls: a flate writer allocates about a
// megabyte of state, which would dominate the cost of a one-page form.
var compressors = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return fw
}}

type pooledCompressor struct{ *flate.Writer }

func (c pooledCompressor) Close() error {
	err := c.Writer.Close()
	compressors.Put(c.Writer)
	return err
}

func zipParts(out io.Writer, parts []part) error {
	zw := zip.NewWriter(out)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw := compressors.Get().(*flate.Writer)
		fw.Reset(w)
		return pooledCompressor{fw}, nil
	})
	for _, p := range parts {
		fh := &zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: zipTime}
		fw, err := zw.CreateHeader(fh)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		if _, err := fw.Write(p.body); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return zw.Close()
}
