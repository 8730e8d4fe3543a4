package pdf

import (
	"fmt"
	"sync"

	"github.com/signintech/gopdf"

	"github.com/konkurs/konkurs/templates/fonts"
)

// face is one of the four Liberation Serif styles the writer prints with.
type face uint8

const (
	faceRegular face = iota
	faceBold
	faceItalic
	faceBoldItalic
	faceCount
)

func faceOf(bold, italic bool) face {
	switch {
	case bold && italic:
		return faceBoldItalic
	case bold:
		return faceBold
	case italic:
		return faceItalic
	}
	return faceRegular
}

var faceNames = [faceCount]string{"LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}

func faceData(f face) []byte {
	return [faceCount][]byte{fonts.SerifRegular, fonts.SerifBold, fonts.SerifItalic, fonts.SerifBoldItalic}[f]
}

// denseRunes covers Latin, Cyrillic (with the Kazakh letters) and general
// punctuation; advances of these runes are looked up in an array.
const denseRunes = 0x2200

// metrics are a face's advance widths in thousandths of an em, the same
// integer units gopdf writes into the PDF /W array, so measured and drawn
// widths agree exactly.
type metrics struct {
	dense     [denseRunes]int32  // -1: no glyph
	glyphs    [denseRunes]uint16 // glyph ids of the dense runes
	charmap   *fonts.CharMap
	subset    *gopdf.SubsetFontObj // parsed once; read-only afterwards
	file      *trueType
	ascent    float64 // baseline below the line top, in em
	typoAsc   float64 // cell-top to baseline distance of a justified line, in em
	underPos  float64 // underline position below the baseline, in em
	underThk  float64 // underline thickness, in em
	spaceWide int32
	// typoAscUnits and upem give a justified line's baseline with the same
	// floating-point steps as before, so its position does not move.
	typoAscUnits int
	upem         uint
	descriptor   []byte // the FontDescriptor's entries, the same for every document
}

// glyph returns the glyph id of r (0 when the face has none).
func (m *metrics) glyph(r rune) uint16 {
	if r >= 0 && r < denseRunes {
		return m.glyphs[r]
	}
	return uint16(m.charmap.Glyph(r))
}

// advance returns the width of r in thousandths of an em, or false when the
// face has no glyph for it.
func (m *metrics) advance(r rune) (int32, bool) {
	if r >= 0 && r < denseRunes {
		w := m.dense[r]
		return w, w >= 0
	}
	g := m.charmap.Glyph(r)
	if g == 0 || g >= m.file.numGlyphs {
		return 0, false
	}
	return int32(m.subset.GlyphIndexToPdfWidth(uint(g))), true
}

var (
	loadFacesOnce sync.Once
	faceMetrics   [faceCount]*metrics
	loadFacesErr  error
)

func loadFaces() error {
	loadFacesOnce.Do(func() {
		for f := face(0); f < faceCount; f++ {
			m, err := parseMetrics(faceData(f))
			if err != nil {
				loadFacesErr = fmt.Errorf("font %s: %w", faceNames[f], err)
				return
			}
			faceMetrics[f] = m
		}
	})
	return loadFacesErr
}

func parseMetrics(data []byte) (*metrics, error) {
	cm, err := fonts.ParseCharMap(data)
	if err != nil {
		return nil, err
	}
	sub := new(gopdf.SubsetFontObj)
	if err := sub.SetTTFData(data); err != nil {
		return nil, err
	}
	file, err := parseTrueType(data)
	if err != nil {
		return nil, err
	}
	ttf := sub.GetTTFParser()
	upem := float64(ttf.UnitsPerEm())
	m := &metrics{
		charmap:      cm,
		subset:       sub,
		file:         file,
		ascent:       float64(ttf.Ascender()) / upem,
		typoAsc:      float64(ttf.TypoAscender()) / upem,
		underPos:     -float64(ttf.UnderlinePosition()) / upem,
		underThk:     float64(ttf.UnderlineThickness()) / upem,
		typoAscUnits: ttf.TypoAscender(),
		upem:         ttf.UnitsPerEm(),
	}
	u := ttf.UnitsPerEm()
	m.descriptor = fmt.Appendf(nil, "/Ascent %d/CapHeight %d/Descent %d/Flags %d/FontBBox [%d %d %d %d]/ItalicAngle %d/StemV 0/XHeight %d",
		gopdf.DesignUnitsToPdf(ttf.Ascender(), u), gopdf.DesignUnitsToPdf(ttf.CapHeight(), u), gopdf.DesignUnitsToPdf(ttf.Descender(), u), ttf.Flag(),
		gopdf.DesignUnitsToPdf(ttf.XMin(), u), gopdf.DesignUnitsToPdf(ttf.YMin(), u), gopdf.DesignUnitsToPdf(ttf.XMax(), u), gopdf.DesignUnitsToPdf(ttf.YMax(), u),
		ttf.ItalicAngle(), gopdf.DesignUnitsToPdf(ttf.XHeight(), u))
	for r := rune(0); r < denseRunes; r++ {
		g := cm.Glyph(r)
		if g == 0 || g >= file.numGlyphs {
			m.dense[r] = -1
			continue
		}
		m.dense[r] = int32(sub.GlyphIndexToPdfWidth(uint(g)))
		m.glyphs[r] = uint16(g)
	}
	m.spaceWide = m.dense[' ']
	return m, nil
}
