package pdf

import (
	"bytes"
	"io"
	"strconv"
	"sync"
	"unicode/utf16"

	"github.com/konkurs/konkurs/pipeline/document"
)

// The PDF file is written here rather than by gopdf: the layout already
// knows every glyph and position, and gopdf's object model cost more than
// the layout itself (a zlib writer per stream, fmt for every number, the
// font subset compressed at the default level). The content streams are
// the same operators and numbers gopdf wrote, so pages look and
// read exactly as before; only the glyph ids differ, because the embedded
// subsets are renumbered.

// pdfFile accumulates the file and the byte offset of every object.
type pdfFile struct {
	out     *bytes.Buffer
	offsets []int // offsets[id-1]
}

func (f *pdfFile) begin(id int) {
	for len(f.offsets) < id {
		f.offsets = append(f.offsets, 0)
	}
	f.offsets[id-1] = f.out.Len()
	f.out.WriteString(strconv.Itoa(id))
	f.out.WriteString(" 0 obj\n")
}

func (f *pdfFile) end() { f.out.WriteString("endobj\n") }

// stream writes object id as a stream of data, deflated when compress is
// set; dict holds further dictionary entries.
func (f *pdfFile) stream(id int, dict string, data []byte, compress bool, scratch *bytes.Buffer) {
	f.begin(id)
	body := data
	f.out.WriteString("<<")
	f.out.WriteString(dict)
	if compress {
		scratch.Reset()
		deflate(scratch, data)
		body = scratch.Bytes()
		f.out.WriteString("/Filter/FlateDecode")
	}
	f.out.WriteString("/Length ")
	f.out.WriteString(strconv.Itoa(len(body)))
	f.out.WriteString(">>\nstream\n")
	f.out.Write(body)
	f.out.WriteString("\nendstream\n")
	f.end()
}

// scratchBuffers are reused across documents: the output, a page's content
// stream before compression, the font subset and a deflated stream.
type scratchBuffers struct {
	out, deflated bytes.Buffer
	content, font []byte
	glyphs        []lineGlyph
}

var scratchPool = sync.Pool{New: func() any { return new(scratchBuffers) }}

// Object ids: the catalog, the page tree, the document information and the
// shared resources first, then a page and its content stream per page, then
// five objects per embedded face.
const (
	catalogID   = 1
	pagesID     = 2
	infoID      = 3
	resourcesID = 4
	firstPageID = 5
	objsPerFace = 5
)

func emitFile(w io.Writer, doc *document.Document, pages []*page) error {
	sb := scratchPool.Get().(*scratchBuffers)
	defer scratchPool.Put(sb)
	sb.out.Reset()
	f := &pdfFile{out: &sb.out, offsets: make([]int, 0, firstPageID+2*len(pages)+objsPerFace*int(faceCount))}
	out := f.out

	var drawn [faceCount]bool
	for _, p := range pages {
		for _, op := range p.ops {
			if op.kind != opLine {
				drawn[op.face] = true
			}
		}
	}
	var uses [faceCount]*fontUse
	var order []*fontUse
	for fc := face(0); fc < faceCount; fc++ {
		if drawn[fc] {
			uses[fc] = newFontUse(fc, len(order)+1)
			order = append(order, uses[fc])
		}
	}
	fontBase := firstPageID + 2*len(pages)
	type0ID := func(u *fontUse) int { return fontBase + objsPerFace*(u.res-1) }

	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	f.begin(catalogID)
	out.WriteString("<</Type/Catalog/Pages 2 0 R>>\n")
	f.end()
	f.begin(pagesID)
	out.WriteString("<</Type/Pages/Count ")
	out.WriteString(strconv.Itoa(len(pages)))
	out.WriteString("/Kids[")
	for i := range pages {
		if i > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(strconv.Itoa(firstPageID + 2*i))
		out.WriteString(" 0 R")
	}
	out.WriteString("]>>\n")
	f.end()
	f.begin(infoID)
	out.WriteString("<</Title")
	writeTextString(out, doc.Title)
	out.WriteString("/Creator")
	writeTextString(out, "konkurs")
	out.WriteString("/Producer")
	writeTextString(out, "konkurs")
	out.WriteString(">>\n")
	f.end()
	f.begin(resourcesID)
	out.WriteString("<</ProcSet[/PDF/Text]/Font<<")
	for _, u := range order {
		out.WriteString("/F")
		out.WriteString(strconv.Itoa(u.res))
		out.WriteByte(' ')
		out.WriteString(strconv.Itoa(type0ID(u)))
		out.WriteString(" 0 R")
	}
	out.WriteString(">>>>\n")
	f.end()

	for i, p := range pages {
		pageW, pageH := document.PageWidthMM*mm, document.PageHeightMM*mm
		if p.landscape {
			pageW, pageH = pageH, pageW
		}
		id := firstPageID + 2*i
		f.begin(id)
		b := out.AvailableBuffer()
		b = append(b, "<</Type/Page/Parent 2 0 R/Resources 4 0 R/MediaBox[0 0 "...)
		b = strconv.AppendFloat(b, pageW, 'f', 2, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, pageH, 'f', 2, 64)
		b = append(b, "]/Contents "...)
		b = strconv.AppendInt(b, int64(id+1), 10)
		b = append(b, " 0 R>>\n"...)
		out.Write(b)
		f.end()
		sb.content, sb.glyphs = pageContent(sb.content[:0], p, pageH, &uses, sb.glyphs)
		f.stream(id+1, "", sb.content, true, &sb.deflated)
	}

	for _, u := range order {
		sb.font = writeFont(f, u, type0ID(u), sb.font, &sb.deflated)
	}

	xref := out.Len()
	b := out.AvailableBuffer()
	b = append(b, "xref\n0 "...)
	b = strconv.AppendInt(b, int64(len(f.offsets)+1), 10)
	b = append(b, "\n0000000000 65535 f \n"...)
	for _, off := range f.offsets {
		b = appendPadded(b, off, 10)
		b = append(b, " 00000 n \n"...)
	}
	b = append(b, "trailer\n<</Size "...)
	b = strconv.AppendInt(b, int64(len(f.offsets)+1), 10)
	b = append(b, "/Root 1 0 R/Info 3 0 R>>\nstartxref\n"...)
	b = strconv.AppendInt(b, int64(xref), 10)
	b = append(b, "\n%%EOF\n"...)
	out.Write(b)
	_, err := w.Write(out.Bytes())
	return err
}

func appendPadded(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for range width - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

// writeTextString writes s as a PDF text string (UTF-16BE with a byte-order
// mark, in hex).
func writeTextString(out *bytes.Buffer, s string) {
	b := out.AvailableBuffer()
	b = append(b, "<FEFF"...)
	for _, r := range s {
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			b = appendHex4(b, uint16(r1))
			b = appendHex4(b, uint16(r2))
			continue
		}
		b = appendHex4(b, uint16(r))
	}
	b = append(b, '>')
	out.Write(b)
}
