package pdf

import (
	"bytes"
	"io"
	"math"
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

// fontUse collects the glyphs one face draws in a document. The embedded
// subset numbers them in the order they are first drawn.
type fontUse struct {
	face  face
	res   int      // resource name /F<res>
	newID []uint16 // subset glyph id by the face's glyph id; 0: not drawn yet
	order []uint16 // the face's glyph ids by subset id; order[0] is .notdef
	runes []rune   // the character each subset glyph prints, by subset id
}

func newFontUse(f face, res int) *fontUse {
	return &fontUse{face: f, res: res, newID: make([]uint16, faceMetrics[f].file.numGlyphs), order: []uint16{0}, runes: []rune{0}}
}

// mark returns the subset id of the face's glyph g, drawn for r.
func (u *fontUse) mark(g uint16, r rune) uint16 {
	id := u.newID[g]
	switch {
	case g == 0:
		return 0
	case id == 0:
		id = uint16(len(u.order))
		u.newID[g] = id
		u.order = append(u.order, g)
		u.runes = append(u.runes, r)
	case r < u.runes[id]:
		// Two characters drawn with one glyph (a space and a no-break
		// space): text extraction gives the lower one, whatever the order.
		u.runes[id] = r
	}
	return id
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

const hexDigits = "0123456789ABCDEF"

func appendHex4(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// appendFixed2 formats v with two decimals exactly as "%0.2f" does. Page
// coordinates are formatted from an integer number of hundredths, which
// is a tenth of strconv's time; a value whose hundredths lie too close to
// a half for the float product to round right goes through strconv.
func appendFixed2(b []byte, v float64) []byte {
	a := math.Abs(v)
	if !(a < 1e6) {
		return strconv.AppendFloat(b, v, 'f', 2, 64) // also NaN and infinities
	}
	h := a * 100
	r := math.Round(h)
	if d := math.Abs(h - r); d > 0.5-1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	if math.Signbit(v) {
		b = append(b, '-')
	}
	n := int64(r)
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n%100/10), byte('0'+n%10))
}

// appendTrimmed formats v rounded to three decimals without trailing zeros.
func appendTrimmed(b []byte, v float64) []byte {
	return strconv.AppendFloat(b, math.Round(1000*v)/1000, 'f', -1, 64)
}

// pageContent appends the page's content stream to b, marking the glyphs it
// draws. Coordinates turn from top-down to PDF's bottom-up. glyphs is
// scratch space for a line's glyphs.
func pageContent(b []byte, p *page, pageH float64, uses *[faceCount]*fontUse, glyphs []lineGlyph) ([]byte, []lineGlyph) {
	lineW := -1.0
	for i := range p.ops {
		op := &p.ops[i]
		switch op.kind {
		case opLine:
			if op.w != lineW {
				b = appendFixed2(b, op.w)
				b = append(b, " w\n"...)
				lineW = op.w
			}
			b = append(b, "q\n"...)
			b = appendFixed2(b, op.x)
			b = append(b, ' ')
			b = appendFixed2(b, pageH-op.y)
			b = append(b, " m "...)
			b = appendFixed2(b, op.x2)
			b = append(b, ' ')
			b = appendFixed2(b, pageH-op.y2)
			b = append(b, " l S\nQ\n"...)
		case opText:
			b, glyphs = appendText(b, op, op.x, pageH-op.y, uses[op.face], glyphs)
		case opJustified:
			m := faceMetrics[op.face]
			// The baseline goes through a line top and back, in the steps
			// gopdf took, so the printed position is unchanged to the last
			// digit.
			top := op.y - m.typoAsc*op.size
			asc := float64(m.typoAscUnits) * 1000.00 / float64(m.upem) * op.size / 1000.0
			b, glyphs = appendText(b, op, op.x, pageH-top-asc, uses[op.face], glyphs)
		}
	}
	return b, glyphs
}

// lineGlyph is a glyph of a text operation, in the subset's numbering.
type lineGlyph struct {
	id    uint16
	space bool
}

// appendText appends a text operation. A justified line widens each space
// between words by the same TJ adjustment: the slack spread over the gaps,
// in thousandths of the font size, rounded (negative widens); leading and
// trailing spaces are not widened.
func appendText(b []byte, op *drawOp, x, y float64, u *fontUse, glyphs []lineGlyph) ([]byte, []lineGlyph) {
	m := faceMetrics[op.face]
	glyphs = glyphs[:0]
	sum, spaces, first, last := 0, 0, -1, -1
	for _, r := range op.text {
		w, _ := m.advance(r)
		sum += int(w)
		if r == ' ' {
			spaces++
		} else {
			if first < 0 {
				first = len(glyphs)
			}
			last = len(glyphs)
		}
		glyphs = append(glyphs, lineGlyph{id: u.mark(m.glyph(r), r), space: r == ' '})
	}
	adjust := 0
	if op.kind == opJustified && first >= 0 {
		gaps := spaces - first - (len(glyphs) - 1 - last) // inner spaces
		slack := op.w - float64(sum)*(op.size/1000.0)
		if gaps > 0 && slack > 0 && op.size > 0 {
			adjust = int(math.Round(-(slack / float64(gaps) * 1000.0 / op.size)))
		}
	}
	b = append(b, "BT\n"...)
	b = appendFixed2(b, x)
	b = append(b, ' ')
	b = appendFixed2(b, y)
	b = append(b, " TD\n/F"...)
	b = strconv.AppendInt(b, int64(u.res), 10)
	b = append(b, ' ')
	b = appendTrimmed(b, op.size)
	b = append(b, " Tf 0 Tc\n[<"...)
	for k, g := range glyphs {
		b = appendHex4(b, g.id)
		if adjust != 0 && g.space && k > first && k < last {
			b = append(b, '>')
			b = strconv.AppendInt(b, int64(adjust), 10)
			b = append(b, '<')
		}
	}
	return append(b, ">] TJ\nET\n"...), glyphs
}

// writeFont writes a face's five objects: the Type 0 font, its CID font,
// the font descriptor, the font file subset and the ToUnicode map that lets
// readers copy and search the text. fontBuf is reused for the subset.
func writeFont(f *pdfFile, u *fontUse, id int, fontBuf []byte, scratch *bytes.Buffer) []byte {
	m := faceMetrics[u.face]
	name := faceNames[u.face]
	out := f.out

	f.begin(id)
	out.WriteString("<</Type/Font/Subtype/Type0/BaseFont/")
	out.WriteString(name)
	out.WriteString("/Encoding/Identity-H/DescendantFonts[")
	out.WriteString(strconv.Itoa(id + 1))
	out.WriteString(" 0 R]/ToUnicode ")
	out.WriteString(strconv.Itoa(id + 4))
	out.WriteString(" 0 R>>\n")
	f.end()

	f.begin(id + 1)
	b := out.AvailableBuffer()
	b = append(b, "<</Type/Font/Subtype/CIDFontType2/BaseFont/"...)
	b = append(b, name...)
	b = append(b, "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/FontDescriptor "...)
	b = strconv.AppendInt(b, int64(id+2), 10)
	b = append(b, " 0 R/CIDToGIDMap/Identity/W["...)
	// The drawn glyphs are numbered 1..n: one run of widths.
	if len(u.order) > 1 {
		b = append(b, "1["...)
		for i, g := range u.order[1:] {
			if i > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendUint(b, uint64(m.subset.GlyphIndexToPdfWidth(uint(g))), 10)
		}
		b = append(b, ']')
	}
	b = append(b, "]>>\n"...)
	out.Write(b)
	f.end()

	f.begin(id + 2)
	out.WriteString("<</Type/FontDescriptor/FontName/")
	out.WriteString(name)
	out.Write(m.descriptor)
	out.WriteString("/FontFile2 ")
	out.WriteString(strconv.Itoa(id + 3))
	out.WriteString(" 0 R>>\n")
	f.end()

	cmap := toUnicode(u.runes)
	fontBuf, u.order = m.file.subset(u.order, u.newID, fontBuf)
	f.stream(id+3, "/Length1 "+strconv.Itoa(len(fontBuf)), fontBuf, true, scratch)
	f.stream(id+4, "", cmap, true, scratch)
	return fontBuf
}

// toUnicode builds the CMap from the subset's glyph ids to the characters
// they print (runes[id]; id 0 is .notdef).
func toUnicode(runes []rune) []byte {
	b := make([]byte, 0, 300+len(runes)*16)
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	for first := 1; first < len(runes); first += 100 {
		chunk := runes[first:min(first+100, len(runes))]
		b = strconv.AppendInt(b, int64(len(chunk)), 10)
		b = append(b, " beginbfchar\n"...)
		for k, r := range chunk {
			b = append(b, '<')
			b = appendHex4(b, uint16(first+k))
			b = append(b, "> <"...)
			if r > 0xFFFF {
				r1, r2 := utf16.EncodeRune(r)
				b = appendHex4(b, uint16(r1))
				b = appendHex4(b, uint16(r2))
			} else {
				b = appendHex4(b, uint16(r))
			}
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}
