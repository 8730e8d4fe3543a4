package dossier

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math"
	"os"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// source is one document's PDF, read and checked, ready to be bound.
type source struct {
	Data   []byte
	SHA256 string
	Pages  int
	// Large lists the 1-based pages larger than A4 or in landscape as read
	// (A3 fold-outs, wide tables): each is still one sheet, and the
	// inventory and certification sheet note them.
	Large []int
	// parsed is the checked file, kept so that binding it whole need not
	// read it again; merging consumes it, so it serves one binding only.
	parsed *model.Context
}

// takeParsed hands the parsed file over once; later callers re-read Data.
func (s *source) takeParsed() *model.Context {
	ctx := s.parsed
	s.parsed = nil
	return ctx
}

// A4 in points, with a tolerance for scanners' rounding.
const (
	a4ShortPt = 595.28
	a4LongPt  = 841.89
	sizeTolPt = 30.0 // US Letter (612 pt wide) is not large-format
)

// readSource checks that data is a PDF pdfcpu can bind and measures it. The
// returned problem key is empty on success.
func readSource(data []byte) (*source, string) {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n\f "), []byte("%PDF-")) {
		return nil, "dossier.err.not_pdf"
	}
	ctx, err := api.ReadContext(bytes.NewReader(data), pdfConfig())
	switch {
	case errors.Is(err, pdfcpu.ErrWrongPassword):
		return nil, "dossier.err.encrypted"
	case err != nil:
		return nil, "dossier.err.corrupt"
	case ctx.Encrypt != nil:
		// Even an owner-password-only file is refused: binding it would
		// strip the author's restrictions without their consent.
		return nil, "dossier.err.encrypted"
	}
	if err := api.ValidateContext(ctx); err != nil {
		return nil, "dossier.err.corrupt"
	}
	if ctx.PageCount == 0 {
		return nil, "dossier.err.no_pages"
	}
	src := &source{Data: data, Pages: ctx.PageCount}
	dims, err := ctx.PageDims()
	if err != nil {
		return nil, "dossier.err.corrupt"
	}
	for i, d := range dims {
		w, h := d.Width, d.Height // as read: pdfcpu applies /Rotate
		if w > h+1 || math.Max(w, h) > a4LongPt+sizeTolPt || math.Min(w, h) > a4ShortPt+sizeTolPt {
			src.Large = append(src.Large, i+1)
		}
	}
	src.parsed = ctx
	sum := sha256.Sum256(data)
	src.SHA256 = hex.EncodeToString(sum[:])
	return src, ""
}

// readFile reads an attachment; the size cap keeps a mistaken multi-gigabyte
// file from exhausting memory.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxAttachmentBytes+1))
}

const maxAttachmentBytes = 2 << 30
