package pdf

import (
	"strings"

	"github.com/konkurs/konkurs/pipeline/document"
)

// frag is a piece of a word in one style.
type frag struct {
	face      face
	text      string
	w         float64
	underline bool
}

// word is text between spaces; it may mix styles ("**Name**,"). space is the
// width of the space before it, spaceFace the style that space was typed in.
type word struct {
	frags          []frag
	w              float64
	space          float64
	spaceFace      face
	spaceUnderline bool
	breaks         int // line breaks ("\n") before the word
}

// words splits runs into words, measuring each fragment once, so wrapping is
// linear in the length of the text.
func (l *layout) words(runs []document.Run, size float64, forceBold bool) ([]word, error) {
	var (
		out        []word
		cur        word
		pendSpace  float64
		pendFace   face
		pendUnder  bool
		pendBreaks int
	)
	finish := func() {
		if len(cur.frags) > 0 {
			out = append(out, cur)
		}
		cur = word{}
	}
	addFrag := func(f face, s string, underline bool) error {
		w, err := l.measure(f, size, s)
		if err != nil {
			return err
		}
		if len(cur.frags) == 0 {
			cur.space, cur.spaceFace, cur.spaceUnderline, cur.breaks = pendSpace, pendFace, pendUnder, pendBreaks
			pendSpace, pendBreaks, pendUnder = 0, 0, false
		}
		cur.frags = append(cur.frags, frag{face: f, text: s, w: w, underline: underline})
		cur.w += w
		return nil
	}
	for _, run := range runs {
		f := faceOf(run.Bold || forceBold, run.Italic)
		start := 0
		for i := 0; i < len(run.Text); i++ {
			c := run.Text[i]
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				continue
			}
			if i > start {
				if err := addFrag(f, run.Text[start:i], run.Underline); err != nil {
					return nil, err
				}
			}
			start = i + 1
			finish()
			switch c {
			case '\n':
				pendBreaks++
				pendSpace = 0
			case ' ', '\t':
				if pendSpace == 0 && (len(out) > 0 || pendBreaks > 0) {
					pendSpace = float64(faceMetrics[f].spaceWide) * size / 1000
					pendFace, pendUnder = f, run.Underline
				}
			}
		}
		if start < len(run.Text) {
			if err := addFrag(f, run.Text[start:], run.Underline); err != nil {
				return nil, err
			}
		}
	}
	finish()
	return out, nil
}

// line is a wrapped line of words.
type line struct {
	words   []word
	natural float64 // width with normal spaces
	hard    bool    // ends at a "\n" or the end of the paragraph: never justified
}

// breakLines fills lines greedily; firstAvail is the width of the first line
// (which may carry the first-line indent), avail of the others.
func breakLines(words []word, firstAvail, avail float64, size float64) []line {
	var lines []line
	cur := line{}
	width := func() float64 {
		if len(lines) == 0 {
			return firstAvail
		}
		return avail
	}
	closeLine := func(hard bool) {
		cur.hard = hard
		lines = append(lines, cur)
		cur = line{}
	}
	for _, w := range words {
		if w.breaks > 0 {
			n := w.breaks
			if len(cur.words) > 0 {
				closeLine(true)
				n--
			}
			for ; n > 0; n-- {
				closeLine(true) // an empty line for each further "\n"
			}
		}
		need := w.w
		if len(cur.words) > 0 {
			need += w.space
		}
		if len(cur.words) > 0 && cur.natural+need > width()+0.001 {
			closeLine(false)
			need = w.w
		}
		if len(cur.words) == 0 && w.w > width()+0.001 {
			// A word longer than the line (a long URL or number) is cut
			// where it reaches the margin.
			for _, piece := range splitWord(w, width()) {
				if len(cur.words) > 0 {
					closeLine(false)
				}
				cur.words = append(cur.words, piece)
				cur.natural = piece.w
			}
			continue
		}
		if len(cur.words) == 0 {
			w.space = 0
		}
		cur.words = append(cur.words, w)
		cur.natural += need
	}
	closeLine(true)
	return lines
}

// splitWord cuts w into pieces no wider than avail (at least one character
// each), walking its characters once.
func splitWord(w word, avail float64) []word {
	var pieces []word
	cur := word{}
	for _, f := range w.frags {
		m := faceMetrics[f.face]
		scale := f.w / float64(max(1, widthUnits(m, f.text)))
		start := 0
		var acc float64
		for i, r := range f.text {
			adv, _ := m.advance(r)
			rw := float64(adv) * scale
			if cur.w+acc+rw > avail && (cur.w+acc > 0) {
				if i > start {
					cur.frags = append(cur.frags, frag{face: f.face, text: f.text[start:i], w: acc, underline: f.underline})
					cur.w += acc
				}
				pieces = append(pieces, cur)
				cur = word{}
				start, acc = i, 0
			}
			acc += rw
		}
		if start < len(f.text) {
			cur.frags = append(cur.frags, frag{face: f.face, text: f.text[start:], w: acc, underline: f.underline})
			cur.w += acc
		}
	}
	if len(cur.frags) > 0 {
		pieces = append(pieces, cur)
	}
	return pieces
}

func widthUnits(m *metrics, s string) int {
	n := 0
	for _, r := range s {
		w, _ := m.advance(r)
		n += int(w)
	}
	return n
}

// placeLine records the operations for one line starting at x0 in a box of
// width avail. Justified lines widen their spaces to fill the box.
func (l *layout) placeLine(ln line, x0, avail, baseline, size float64, align document.Align) {
	if len(ln.words) == 0 {
		return
	}
	x := x0
	gap := 0.0
	justify := align == document.AlignJustify && !ln.hard && len(ln.words) > 1 && ln.natural < avail
	switch {
	case justify:
		gap = (avail - ln.natural) / float64(len(ln.words)-1)
	case align == document.AlignCenter:
		x += (avail - ln.natural) / 2
	case align == document.AlignRight:
		x += avail - ln.natural
	}
	// A justified line in a single style becomes one stretched text
	// operation; otherwise consecutive same-style words are joined.
	single := true
	f0 := ln.words[0].frags[0].face
	for i, w := range ln.words {
		if i > 0 && w.spaceFace != f0 {
			single = false
		}
		for _, f := range w.frags {
			if f.face != f0 {
				single = false
			}
		}
	}
	if justify && single {
		l.add(drawOp{kind: opJustified, face: f0, size: size, x: x, y: baseline, w: avail, text: joinWords(ln.words)})
	}
	var seg strings.Builder
	segX, segFace, segOpen := 0.0, f0, false
	flush := func() {
		if segOpen {
			l.text(segFace, size, segX, baseline, seg.String())
			seg.Reset()
			segOpen = false
		}
	}
	m := faceMetrics[f0]
	underY := baseline + m.underPos*size
	underT := m.underThk * size
	prevEnd := x
	for i, w := range ln.words {
		if i > 0 {
			if w.spaceUnderline && ln.words[i-1].frags[len(ln.words[i-1].frags)-1].underline {
				l.rule(prevEnd, underY, x+w.space+gap, underY, underT)
			}
			x += w.space + gap
		}
		for j, f := range w.frags {
			if !(justify && single) {
				joinable := segOpen && segFace == f.face && !justify && (j > 0 || w.spaceFace == f.face)
				if !joinable {
					flush()
					segX, segFace, segOpen = x, f.face, true
				} else if j == 0 {
					seg.WriteByte(' ')
				}
				seg.WriteString(f.text)
			}
			if f.underline {
				l.rule(x, underY, x+f.w, underY, underT)
			}
			x += f.w
		}
		prevEnd = x
	}
	flush()
}

func joinWords(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, f := range w.frags {
			b.WriteString(f.text)
		}
	}
	return b.String()
}

// textBox lays out runs in a box of width avail at x, starting at the cursor,
// breaking pages between lines.
func (l *layout) textBox(runs []document.Run, x, avail, firstIndent, size float64, align document.Align, forceBold bool) error {
	ws, err := l.words(runs, size, forceBold)
	if err != nil {
		return err
	}
	lh := lineHeight(size)
	lines := breakLines(ws, avail-firstIndent, avail, size)
	for i, ln := range lines {
		l.ensure(lh)
		indent := 0.0
		if i == 0 {
			indent = firstIndent
		}
		l.placeLine(ln, x+indent, avail-indent, l.y+baselineOffset(size), size, align)
		l.y += lh
		l.pageHasContent = true
	}
	return nil
}
