package pdf

import (
	"math"
	"strconv"
)

// A page's content stream: its drawing operations as PDF operators, with
// the numbers formatted as gopdf formatted them.

const hexDigits = "0123456789ABCDEF"

func appendHex4(b []byte, v uint16) []byte {
	return append(b, hexDigits[v>>12], hexDigits[v>>8&15], hexDigits[v>>4&15], hexDigits[v&15])
}

// appendFixed2 formats v with two decimals exactly as "%0.2f" does. Page
// coordinates are formatted from an integer number of hundredths, much
// cheaper than strconv's general float formatting; a value whose
// hundredths lie too close to a half for the float product to round right
// goes through strconv.
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
