package pdf

import (
	"fmt"
	"sync"

	"github.com/signintech/gopdf"

	"github.com/konkurs/konkurs/templates/fonts"
)

// face is one of the four Liberation Serif styles the writer prints with.
type face int

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
	dense     [denseRunes]int32 // -1: no glyph
	charmap   *fonts.CharMap
	subset    *gopdf.SubsetFontObj // parsed once; read-only afterwards
	ascent    float64              // baseline below the line top, in em
	typoAsc   float64              // gopdf's cell-top to baseline distance, in em
	underPos  float64              // underline position below the baseline, in em
	underThk  float64              // underline thickness, in em
	spaceWide int32
}

// advance returns the width of r in thousandths of an em, or false when the
// face has no glyph for it.
func (m *metrics) advance(r rune) (int32, bool) {
	if r >= 0 && r < denseRunes {
		w := m.dense[r]
		return w, w >= 0
	}
	g := m.charmap.Glyph(r)
	if g == 0 {
		return 0, false
	}
	return int32(m.subset.GlyphIndexToPdfWidth(uint(g))), true
}

var (
	loadFacesOnce sync.Once
	faceMetrics   [faceCount]*metrics
	// fontContainer keeps the parsed faces so that each document copies a
	// parsed face instead of parsing 400 KB of TrueType again.
	fontContainer = new(gopdf.FontContainer)
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
			// The writer checks every character before drawing it; should one
			// slip through, draw the .notdef box rather than gopdf's default
			// silent space.
			opt := gopdf.TtfOption{Style: gopdf.Regular, OnGlyphNotFoundSubstitute: func(r rune) rune { return r }}
			if err := fontContainer.AddTTFFontDataWithOption(faceNames[f], faceData(f), opt); err != nil {
				loadFacesErr = fmt.Errorf("font %s: %w", faceNames[f], err)
				return
			}
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
	ttf := sub.GetTTFParser()
	upem := float64(ttf.UnitsPerEm())
	m := &metrics{
		charmap:  cm,
		subset:   sub,
		ascent:   float64(ttf.Ascender()) / upem,
		typoAsc:  float64(ttf.TypoAscender()) / upem,
		underPos: -float64(ttf.UnderlinePosition()) / upem,
		underThk: float64(ttf.UnderlineThickness()) / upem,
	}
	for r := rune(0); r < denseRunes; r++ {
		g := cm.Glyph(r)
		if g == 0 {
			m.dense[r] = -1
			continue
		}
		m.dense[r] = int32(sub.GlyphIndexToPdfWidth(uint(g)))
	}
	m.spaceWide = m.dense[' ']
	return m, nil
}
