package document

import "io"

// Result reports what a writer produced.
type Result struct {
	Pages int // pages laid out (the PDF writer counts them; DOCX leaves 0)
}

// Writer renders a document into a format.
type Writer interface {
	// Format is the file extension: "pdf" or "docx".
	Format() string
	Write(w io.Writer, doc *Document) (Result, error)
}
