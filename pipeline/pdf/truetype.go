package pdf

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// trueType is a face's font file split into the tables a PDF embedding
// needs, parsed once per process and read-only afterwards.
type trueType struct {
	glyf        []byte
	loca        []uint32 // glyph g is glyf[loca[g]:loca[g+1]]
	numGlyphs   int
	numHMetrics int
	// kept are the tables copied unchanged into every subset (hinting
	// programs, metrics); head is copied with its checksum adjustment reset.
	kept map[string][]byte
}

// keptTables are the tables besides glyf and loca that PDF readers need from
// an embedded TrueType font (ISO 32000-1, 9.9); cmap is not needed because
// the content streams select glyphs by id.
var keptTables = []string{"cvt ", "fpgm", "head", "hhea", "hmtx", "maxp", "prep"}

func parseTrueType(data []byte) (*trueType, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("font file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("font table directory truncated")
	}
	tables := make(map[string][]byte, n)
	for i := range n {
		e := data[12+16*i:]
		off, length := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("font table %q out of the file", e[:4])
		}
		tables[string(e[:4])] = data[off : off+length]
	}
	for _, tag := range []string{"glyf", "loca", "head", "hhea", "hmtx", "maxp"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("font has no %q table", tag)
		}
	}
	head, maxp, hhea := tables["head"], tables["maxp"], tables["hhea"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 {
		return nil, fmt.Errorf("font head, hhea or maxp table truncated")
	}
	t := &trueType{glyf: tables["glyf"], numGlyphs: int(binary.BigEndian.Uint16(maxp[4:])), kept: map[string][]byte{}}
	t.numHMetrics = int(binary.BigEndian.Uint16(hhea[34:]))
	if t.numHMetrics < 1 || t.numHMetrics > t.numGlyphs || len(tables["hmtx"]) < 4*t.numHMetrics+2*(t.numGlyphs-t.numHMetrics) {
		return nil, fmt.Errorf("font hmtx table truncated")
	}
	loca := tables["loca"]
	t.loca = make([]uint32, t.numGlyphs+1)
	long := binary.BigEndian.Uint16(head[50:]) == 1
	for g := range t.loca {
		switch {
		case long && len(loca) >= 4*g+4:
			t.loca[g] = binary.BigEndian.Uint32(loca[4*g:])
		case !long && len(loca) >= 2*g+2:
			t.loca[g] = 2 * uint32(binary.BigEndian.Uint16(loca[2*g:]))
		default:
			return nil, fmt.Errorf("font loca table truncated")
		}
		if t.loca[g] > uint32(len(t.glyf)) || (g > 0 && t.loca[g] < t.loca[g-1]) {
			return nil, fmt.Errorf("font loca entry %d out of the glyf table", g)
		}
	}
	for _, tag := range keptTables {
		if b := tables[tag]; b != nil {
			t.kept[tag] = b
		}
	}
	return t, nil
}

func (t *trueType) glyph(g int) []byte { return t.glyf[t.loca[g]:t.loca[g+1]] }

// Composite glyph flags (the glyf table's component records).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	compositeHeader = 10 // numberOfContours and the bounding box
)

// components appends the glyphs a composite glyph is built from (an
// accented letter is usually a base letter and a mark).
func (t *trueType) components(g int, out []uint16) []uint16 {
	b := t.glyph(g)
	if len(b) < compositeHeader || int16(binary.BigEndian.Uint16(b)) >= 0 {
		return out
	}
	for p := compositeHeader; p+4 <= len(b); {
		flags := binary.BigEndian.Uint16(b[p:])
		if c := int(binary.BigEndian.Uint16(b[p+2:])); c < t.numGlyphs {
			out = append(out, uint16(c))
		}
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}

// subset returns a font file with the glyphs in order, renumbered: the
// glyph order[i] of the face becomes glyph i of the subset (order[0] is
// .notdef). Glyphs that composites are built from are appended to order,
// with their new ids in newID (indexed by the face's ids, 0 = not yet in the
// subset). A small font file is quick to compress: it holds only the
// drawn glyphs' outlines and metrics. buf is reused for the result.
func (t *trueType) subset(order, newID []uint16, buf []byte) ([]byte, []uint16) {
	var parts []uint16
	for i := 0; i < len(order); i++ {
		parts = t.components(int(order[i]), parts[:0])
		for _, c := range parts {
			if c != 0 && newID[c] == 0 {
				newID[c] = uint16(len(order))
				order = append(order, c)
			}
		}
	}

	tags := make([]string, 0, len(t.kept)+2)
	for tag := range t.kept {
		tags = append(tags, tag)
	}
	tags = append(tags, "glyf", "loca")
	slices.Sort(tags)
	n := len(tags)
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	out := buf[:0]
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(16<<sel))
	out = binary.BigEndian.AppendUint16(out, uint16(sel))
	out = binary.BigEndian.AppendUint16(out, uint16(n*16-16<<sel))
	dir := len(out)
	out = append(out, make([]byte, 16*n)...)
	headAt := 0
	for i, tag := range tags {
		start := len(out)
		switch tag {
		case "glyf":
			for _, g := range order {
				at := len(out)
				out = append(out, t.glyph(int(g))...)
				t.renumberComponents(out[at:], newID)
				out = pad4(out, start)
			}
		case "loca":
			glyfLen := uint32(0)
			for _, g := range order {
				out = binary.BigEndian.AppendUint32(out, glyfLen)
				glyfLen += (t.loca[g+1] - t.loca[g] + 3) &^ 3
			}
			out = binary.BigEndian.AppendUint32(out, glyfLen)
		case "hmtx":
			for _, g := range order {
				out = binary.BigEndian.AppendUint16(out, t.advanceUnits(int(g)))
				out = binary.BigEndian.AppendUint16(out, t.leftBearing(int(g)))
			}
		case "head":
			headAt = start
			out = append(out, t.kept[tag]...)
			binary.BigEndian.PutUint32(out[start+8:], 0)  // checkSumAdjustment, set below
			binary.BigEndian.PutUint16(out[start+50:], 1) // long loca offsets
		case "hhea":
			out = append(out, t.kept[tag]...)
			binary.BigEndian.PutUint16(out[start+34:], uint16(len(order))) // numberOfHMetrics
		case "maxp":
			out = append(out, t.kept[tag]...)
			binary.BigEndian.PutUint16(out[start+4:], uint16(len(order))) // numGlyphs
		default:
			out = append(out, t.kept[tag]...)
		}
		length := len(out) - start
		out = pad4(out, start)
		e := out[dir+16*i:]
		copy(e, tag)
		binary.BigEndian.PutUint32(e[4:], checksum(out[start:]))
		binary.BigEndian.PutUint32(e[8:], uint32(start))
		binary.BigEndian.PutUint32(e[12:], uint32(length))
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out, order
}

// advanceUnits and leftBearing read a glyph's horizontal metrics; glyphs
// past numberOfHMetrics share the last advance.
func (t *trueType) advanceUnits(g int) uint16 {
	hmtx := t.kept["hmtx"]
	return binary.BigEndian.Uint16(hmtx[4*min(g, t.numHMetrics-1):])
}

func (t *trueType) leftBearing(g int) uint16 {
	hmtx := t.kept["hmtx"]
	if g < t.numHMetrics {
		return binary.BigEndian.Uint16(hmtx[4*g+2:])
	}
	return binary.BigEndian.Uint16(hmtx[4*t.numHMetrics+2*(g-t.numHMetrics):])
}

// renumberComponents rewrites the component glyph ids of a composite glyph
// (a copy in the subset) to the subset's ids.
func (t *trueType) renumberComponents(b []byte, newID []uint16) {
	if len(b) < compositeHeader || int16(binary.BigEndian.Uint16(b)) >= 0 {
		return
	}
	for p := compositeHeader; p+4 <= len(b); {
		flags := binary.BigEndian.Uint16(b[p:])
		if c := int(binary.BigEndian.Uint16(b[p+2:])); c < len(newID) {
			binary.BigEndian.PutUint16(b[p+2:], newID[c])
		}
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
}

func pad4(b []byte, start int) []byte {
	for (len(b)-start)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// checksum is the TrueType table checksum: the sum of big-endian uint32s.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
