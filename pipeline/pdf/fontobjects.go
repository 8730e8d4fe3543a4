package pdf

import (
	"bytes"
	"strconv"
	"unicode/utf16"
)

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
