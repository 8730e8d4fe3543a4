package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// CharMap is the character-to-glyph table (TrueType 'cmap') of a face. It is
// read-only after ParseCharMap and safe for concurrent use.
type CharMap struct {
	segments []cmapSegment // sorted by end, non-overlapping
}

// cmapSegment maps the runes start..end. With table != nil glyph ids come
// from it (format 4 with idRangeOffset); otherwise glyph = rune + delta
// (format 4 idDelta, modulo 65536) or startGlyph + rune - start (format 12).
type cmapSegment struct {
	start, end rune
	delta      int
	mod16      bool
	table      []uint16
}

var errNotTrueType = errors.New("not a TrueType font")

// ParseCharMap reads the Unicode cmap of a TrueType font: the full-repertoire
// subtable (platform 3 encoding 10, format 12) when present, else the BMP one
// (platform 3 encoding 1 or platform 0, format 4).
func ParseCharMap(face []byte) (*CharMap, error) {
	if len(face) < 12 {
		return nil, errNotTrueType
	}
	numTables := int(binary.BigEndian.Uint16(face[4:]))
	var cmap []byte
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(face) {
			return nil, errNotTrueType
		}
		if string(face[rec:rec+4]) == "cmap" {
			off := int(binary.BigEndian.Uint32(face[rec+8:]))
			n := int(binary.BigEndian.Uint32(face[rec+12:]))
			if off+n > len(face) {
				return nil, fmt.Errorf("cmap table outside the file")
			}
			cmap = face[off : off+n]
		}
	}
	if len(cmap) < 4 {
		return nil, fmt.Errorf("no cmap table")
	}
	var best []byte
	bestRank := 0
	for i := 0; i < int(binary.BigEndian.Uint16(cmap[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, fmt.Errorf("cmap directory truncated")
		}
		platform := binary.BigEndian.Uint16(cmap[rec:])
		encoding := binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if off+4 > len(cmap) {
			continue
		}
		format := binary.BigEndian.Uint16(cmap[off:])
		rank := 0
		switch {
		case format == 12 && (platform == 3 && encoding == 10 || platform == 0):
			rank = 3
		case format == 4 && platform == 3 && encoding == 1:
			rank = 2
		case format == 4 && platform == 0:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = cmap[off:], rank
		}
	}
	switch bestRank {
	case 0:
		return nil, fmt.Errorf("no Unicode cmap subtable")
	case 3:
		return parseFormat12(best)
	default:
		return parseFormat4(best)
	}
}

func parseFormat4(t []byte) (*CharMap, error) {
	if len(t) < 14 {
		return nil, fmt.Errorf("cmap format 4 truncated")
	}
	segCount := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends := 14
	starts := ends + 2*segCount + 2
	deltas := starts + 2*segCount
	ranges := deltas + 2*segCount
	if ranges+2*segCount > len(t) {
		return nil, fmt.Errorf("cmap format 4 truncated")
	}
	m := &CharMap{}
	for s := 0; s < segCount; s++ {
		end := rune(binary.BigEndian.Uint16(t[ends+2*s:]))
		start := rune(binary.BigEndian.Uint16(t[starts+2*s:]))
		delta := int(int16(binary.BigEndian.Uint16(t[deltas+2*s:])))
		rangeOffset := int(binary.BigEndian.Uint16(t[ranges+2*s:]))
		if start > end || start == 0xFFFF {
			continue
		}
		seg := cmapSegment{start: start, end: end, delta: delta, mod16: true}
		if rangeOffset != 0 {
			// idRangeOffset counts bytes from its own position to the
			// glyph id of start.
			first := ranges + 2*s + rangeOffset
			n := int(end-start) + 1
			if first+2*n > len(t) {
				n = (len(t) - first) / 2
			}
			seg.table = make([]uint16, max(n, 0))
			for i := range seg.table {
				seg.table[i] = binary.BigEndian.Uint16(t[first+2*i:])
			}
		}
		m.segments = append(m.segments, seg)
	}
	sort.Slice(m.segments, func(i, j int) bool { return m.segments[i].end < m.segments[j].end })
	return m, nil
}

func parseFormat12(t []byte) (*CharMap, error) {
	if len(t) < 16 {
		return nil, fmt.Errorf("cmap format 12 truncated")
	}
	n := int(binary.BigEndian.Uint32(t[12:]))
	if 16+12*n > len(t) {
		return nil, fmt.Errorf("cmap format 12 truncated")
	}
	m := &CharMap{}
	for i := 0; i < n; i++ {
		g := t[16+12*i:]
		start := rune(binary.BigEndian.Uint32(g))
		end := rune(binary.BigEndian.Uint32(g[4:]))
		startGlyph := int(binary.BigEndian.Uint32(g[8:]))
		if start > end {
			continue
		}
		m.segments = append(m.segments, cmapSegment{start: start, end: end, delta: startGlyph - int(start)})
	}
	sort.Slice(m.segments, func(i, j int) bool { return m.segments[i].end < m.segments[j].end })
	return m, nil
}

// Glyph returns the glyph id of r, 0 (the .notdef box) when the face has none.
func (m *CharMap) Glyph(r rune) int {
	i := sort.Search(len(m.segments), func(i int) bool { return m.segments[i].end >= r })
	if i == len(m.segments) || m.segments[i].start > r {
		return 0
	}
	seg := m.segments[i]
	if seg.table != nil {
		k := int(r - seg.start)
		if k >= len(seg.table) || seg.table[k] == 0 {
			return 0
		}
		return (int(seg.table[k]) + seg.delta) & 0xFFFF
	}
	g := int(r) + seg.delta
	if seg.mod16 {
		g &= 0xFFFF
	}
	return g
}

// Has reports whether the face draws r with a real glyph.
func (m *CharMap) Has(r rune) bool { return m.Glyph(r) != 0 }

// Missing returns the runes of s the face cannot draw, each once, in order of
// first appearance. Spaces and line breaks are layout, not glyphs, and are
// never reported.
func (m *CharMap) Missing(s string) []rune {
	var missing []rune
	for _, r := range s {
		if r == '\n' || r == '\r' || r == '\t' || m.Has(r) {
			continue
		}
		seen := false
		for _, x := range missing {
			seen = seen || x == r
		}
		if !seen {
			missing = append(missing, r)
		}
	}
	return missing
}
