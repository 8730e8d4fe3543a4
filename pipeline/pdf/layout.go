package pdf

import (
	"fmt"

	"github.com/konkurs/konkurs/pipeline/document"
)

const mm = 72.0 / 25.4 // points per millimetre

// lineSpacing is the single line spacing of Times New Roman/Liberation Serif
// (ascent + descent + line gap = 1.149 em), as Word and LibreOffice use it, so
// the PDF and the DOCX break pages at about the same places.
const lineSpacing = 1.15

// opKind is what a drawing operation does.
type opKind uint8

const (
	opText      opKind = iota // text starting at x on baseline y
	opJustified               // text stretched over width w by widening its spaces
	opLine                    // a rule from (x, y) to (x2, y2) of thickness w
)

// drawOp is one drawing operation, coordinates in points from the page's
// top-left corner.
type drawOp struct {
	kind   opKind
	face   face
	size   float64
	x, y   float64
	x2, y2 float64
	w      float64
	text   string
}

type page struct {
	landscape bool
	ops       []drawOp
}

// layout places blocks on pages. It only measures and records operations;
// emit turns the pages into PDF, so PageCount needs no PDF at all.
type layout struct {
	doc   *document.Document
	pages []*page
	cur   *page
	y     float64 // top of the free space on the current page
	where string  // location for error messages

	pageW, pageH       float64
	left, top, bottomY float64
	textW              float64
	pageHasContent     bool
}

func newLayout(doc *document.Document) *layout {
	l := &layout{doc: doc}
	l.newPage(doc.Landscape)
	return l
}

func (l *layout) newPage(landscape bool) {
	l.cur = &page{landscape: landscape}
	l.pages = append(l.pages, l.cur)
	l.pageW, l.pageH = document.PageWidthMM*mm, document.PageHeightMM*mm
	if landscape {
		l.pageW, l.pageH = l.pageH, l.pageW
	}
	l.left = document.MarginLeftMM * mm
	l.top = document.MarginTopMM * mm
	l.bottomY = l.pageH - document.MarginBottomMM*mm
	l.textW = l.pageW - l.left - document.MarginRightMM*mm
	l.y = l.top
	l.pageHasContent = false
}

// continuePage starts a new page in the current orientation.
func (l *layout) continuePage() { l.newPage(l.cur.landscape) }

// ensure starts a new page when h points do not fit below the cursor, unless
// the page is still empty (then the content overflows rather than loops).
func (l *layout) ensure(h float64) {
	if l.y+h > l.bottomY+0.01 && l.pageHasContent {
		l.continuePage()
	}
}

func (l *layout) fits(h float64) bool { return l.y+h <= l.bottomY+0.01 }

func (l *layout) add(op drawOp) {
	l.cur.ops = append(l.cur.ops, op)
	l.pageHasContent = true
}

func (l *layout) text(f face, size, x, baseline float64, s string) {
	if s != "" {
		l.add(drawOp{kind: opText, face: f, size: size, x: x, y: baseline, text: s})
	}
}

func (l *layout) rule(x1, y1, x2, y2, thickness float64) {
	l.add(drawOp{kind: opLine, x: x1, y: y1, x2: x2, y2: y2, w: thickness})
}

// measure returns the width of s in points; a character the face cannot draw
// is a GlyphError naming where it occurs.
func (l *layout) measure(f face, size float64, s string) (float64, error) {
	m := faceMetrics[f]
	var sum int64
	for _, r := range s {
		w, ok := m.advance(r)
		if !ok {
			return 0, &GlyphError{Rune: r, Where: l.where}
		}
		sum += int64(w)
	}
	return float64(sum) * size / 1000, nil
}

func lineHeight(size float64) float64 { return size * lineSpacing }

// baselineOffset is the distance from the top of a line box to its baseline.
func baselineOffset(size float64) float64 {
	m := faceMetrics[faceRegular]
	// Centre the glyphs' ascent+descent (1.107 em) in the 1.15 em line.
	return size*m.ascent + size*(lineSpacing-1.107)/2
}

func (l *layout) run() error {
	for i, b := range l.doc.Blocks {
		var err error
		switch b := b.(type) {
		case document.Heading:
			l.where = fmt.Sprintf("block %d (heading)", i+1)
			err = l.heading(b, l.nextBlock(i))
		case *document.Heading:
			l.where = fmt.Sprintf("block %d (heading)", i+1)
			err = l.heading(*b, l.nextBlock(i))
		case document.Paragraph:
			l.where = fmt.Sprintf("block %d (paragraph)", i+1)
			err = l.paragraph(b, l.nextBlock(i))
		case *document.Paragraph:
			l.where = fmt.Sprintf("block %d (paragraph)", i+1)
			err = l.paragraph(*b, l.nextBlock(i))
		case document.AnnexHeader:
			l.where = fmt.Sprintf("block %d (annex header)", i+1)
			err = l.annexHeader(b)
		case *document.AnnexHeader:
			l.where = fmt.Sprintf("block %d (annex header)", i+1)
			err = l.annexHeader(*b)
		case document.FillLine:
			l.where = fmt.Sprintf("block %d (fill-in line)", i+1)
			err = l.fillLine(b)
		case *document.FillLine:
			l.where = fmt.Sprintf("block %d (fill-in line)", i+1)
			err = l.fillLine(*b)
		case document.Table:
			l.where = fmt.Sprintf("block %d (table)", i+1)
			err = l.table(&b)
		case *document.Table:
			l.where = fmt.Sprintf("block %d (table)", i+1)
			err = l.table(b)
		case document.SignatureBlock:
			l.where = fmt.Sprintf("block %d (signature)", i+1)
			err = l.signature(b)
		case *document.SignatureBlock:
			l.where = fmt.Sprintf("block %d (signature)", i+1)
			err = l.signature(*b)
		case document.PageBreak:
			l.newPage(b.Landscape)
		case *document.PageBreak:
			l.newPage(b.Landscape)
		case document.Spacer:
			l.spacer(b.HeightPt)
		case *document.Spacer:
			l.spacer(b.HeightPt)
		case nil:
			err = fmt.Errorf("block %d is empty", i+1)
		default:
			err = fmt.Errorf("block %d: unsupported block type %T", i+1, b)
		}
		if err != nil {
			return err
		}
	}
	return l.footers()
}

// nextBlock is the height the block after i needs at least (one line), used
// to keep headings with what follows them.
func (l *layout) nextBlock(i int) float64 {
	if i+1 >= len(l.doc.Blocks) {
		return 0
	}
	switch l.doc.Blocks[i+1].(type) {
	case document.PageBreak, *document.PageBreak, document.Spacer, *document.Spacer:
		return 0
	}
	return lineHeight(document.BodySizePt)
}

func (l *layout) spacer(h float64) {
	if h <= 0 {
		return
	}
	if !l.fits(h) {
		l.continuePage()
		return
	}
	l.y += h
}
