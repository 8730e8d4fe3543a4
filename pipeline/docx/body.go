package docx

import (
	"fmt"

	"github.com/konkurs/konkurs/pipeline/document"
)

// bodyWriter renders the blocks of one document into word/document.xml.
type bodyWriter struct {
	xmlBuilder
	withFooter   bool
	landscape    bool // orientation of the current section
	lastWasTable bool // Word merges two adjacent tables into one
}

func documentXML(doc *document.Document, withFooter bool) ([]byte, error) {
	w := &bodyWriter{withFooter: withFooter, landscape: doc.Landscape}
	w.Grow(sizeHint(doc))
	w.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for i, block := range doc.Blocks {
		if err := w.block(block); err != nil {
			return nil, fmt.Errorf("docx: blocks[%d]: %w", i, err)
		}
	}
	// A body may end with a table (the schema allows it). A trailing empty
	// paragraph, however small, makes LibreOffice start a blank page when
	// the table fills the last page exactly.
	w.sectionProps(w.landscape)
	w.WriteString(`</w:body></w:document>`)
	return w.Bytes(), nil
}

// sizeHint guesses the size of document.xml so the buffer grows once:
// markup dominates, about 250 bytes per table cell and 400 per other block.
func sizeHint(doc *document.Document) int {
	n := 4096
	for _, block := range doc.Blocks {
		switch b := block.(type) {
		case document.Table:
			n += 300 + len(b.Rows)*(60+len(b.Widths)*250)
		case *document.Table:
			n += 300 + len(b.Rows)*(60+len(b.Widths)*250)
		default:
			n += 400
		}
	}
	return n
}

func (w *bodyWriter) block(block document.Block) error {
	switch b := block.(type) {
	case document.Heading:
		w.heading(b)
	case *document.Heading:
		w.heading(*b)
	case document.Paragraph:
		w.paragraph(b)
	case *document.Paragraph:
		w.paragraph(*b)
	case document.AnnexHeader:
		w.annexHeader(b)
	case *document.AnnexHeader:
		w.annexHeader(*b)
	case document.FillLine:
		w.fillLine(b)
	case *document.FillLine:
		w.fillLine(*b)
	case document.Table:
		return w.table(&b)
	case *document.Table:
		return w.table(b)
	case document.SignatureBlock:
		w.signature(b)
	case *document.SignatureBlock:
		w.signature(*b)
	case document.PageBreak:
		w.pageBreak(b)
	case *document.PageBreak:
		w.pageBreak(*b)
	case document.Spacer:
		w.spacer(b)
	case *document.Spacer:
		w.spacer(*b)
	case nil:
		return fmt.Errorf("nil block")
	default:
		return fmt.Errorf("unsupported block type %T", block)
	}
	return nil
}

// beforeTable separates two adjacent tables with an invisible paragraph.
func (w *bodyWriter) beforeTable() {
	if w.lastWasTable {
		w.tinyParagraph("")
	}
	w.lastWasTable = true
}

func (w *bodyWriter) beforeParagraph() { w.lastWasTable = false }

// tinyParagraph writes a 1 pt high empty paragraph carrying extra pPr
// children (a section break) or nothing; it takes no visible space.
func (w *bodyWriter) tinyParagraph(extra string) {
	w.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>`)
	w.WriteString(extra)
	w.WriteString(`</w:pPr></w:p>`)
}

func jcValue(a document.Align) string {
	switch a {
	case document.AlignCenter:
		return "center"
	case document.AlignRight:
		return "right"
	case document.AlignJustify:
		return "both"
	}
	return "left"
}

func (w *bodyWriter) heading(h document.Heading) {
	w.beforeParagraph()
	level := min(max(h.Level, 1), 3)
	w.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading`)
	w.WriteByte(byte('0' + level))
	w.WriteString(`"/></w:pPr>`)
	w.run(h.Text, runStyle{})
	w.WriteString(`</w:p>`)
}

func (w *bodyWriter) paragraph(p document.Paragraph) {
	w.beforeParagraph()
	size := 0
	if p.Size > 0 {
		size = halfPoints(p.Size)
	}
	w.WriteString(`<w:p><w:pPr>`)
	if p.KeepWithNext {
		w.WriteString(`<w:keepNext/>`)
	}
	if p.SpaceBeforePt > 0 || p.SpaceAfterPt > 0 {
		w.WriteString(`<w:spacing`)
		w.attrInt("w:before", ptToTwips(p.SpaceBeforePt))
		w.attrInt("w:after", ptToTwips(p.SpaceAfterPt))
		w.WriteString(`/>`)
	}
	if p.FirstLineIndent || p.IndentMM > 0 {
		w.WriteString(`<w:ind`)
		if p.IndentMM > 0 {
			w.attrInt("w:left", mmToTwips(p.IndentMM))
		}
		if p.FirstLineIndent {
			w.attrInt("w:firstLine", firstLineIndentTwips)
		}
		w.WriteString(`/>`)
	}
	w.WriteString(`<w:jc w:val="` + jcValue(p.Align) + `"/>`)
	if size > 0 {
		// The paragraph mark's size sets the height of an empty paragraph.
		w.runProps(runStyle{halfPoints: size})
	}
	w.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		w.run(r.Text, runStyle{bold: r.Bold, italic: r.Italic, underline: r.Underline, halfPoints: size})
	}
	w.WriteString(`</w:p>`)
}

// annexHeader sets the lines in the right half of the page, left-aligned
// there, as the decree's annexes print "… қағидаларына 1-қосымша".
func (w *bodyWriter) annexHeader(h document.AnnexHeader) {
	w.beforeParagraph()
	indent := textWidthTwips(w.landscape) / 2
	for i, line := range h.Lines {
		w.WriteString(`<w:p><w:pPr><w:keepNext/>`)
		if i == len(h.Lines)-1 {
			w.WriteString(`<w:spacing w:after="240"/>`)
		}
		w.WriteString(`<w:ind`)
		w.attrInt("w:left", indent)
		w.WriteString(`/><w:jc w:val="left"/></w:pPr>`)
		w.run(line, runStyle{})
		w.WriteString(`</w:p>`)
	}
}

// pageBreak starts a new page. A change of orientation needs a new section:
// the finished section's properties go into the pPr of its last paragraph.
func (w *bodyWriter) pageBreak(pb document.PageBreak) {
	w.beforeParagraph()
	if pb.Landscape == w.landscape {
		w.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr>` +
			`<w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:br w:type="page"/></w:r></w:p>`)
		return
	}
	var sect xmlBuilder
	writeSectionProps(&sect, w.landscape, w.withFooter)
	w.tinyParagraph(sect.String())
	w.landscape = pb.Landscape
}

func (w *bodyWriter) spacer(s document.Spacer) {
	if s.HeightPt <= 0 {
		return
	}
	w.beforeParagraph()
	w.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"`)
	w.attrInt("w:line", ptToTwips(s.HeightPt))
	w.WriteString(` w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`)
}

func (w *bodyWriter) sectionProps(landscape bool) {
	writeSectionProps(&w.xmlBuilder, landscape, w.withFooter)
}

// writeSectionProps writes an A4 section with the official margins; a
// landscape section swaps the page sides and keeps the margins.
func writeSectionProps(b *xmlBuilder, landscape, withFooter bool) {
	b.WriteString(`<w:sectPr>`)
	if withFooter {
		b.WriteString(`<w:footerReference w:type="default" r:id="` + footerRelID + `"/>`)
	}
	b.WriteString(`<w:type w:val="nextPage"/><w:pgSz`)
	if landscape {
		b.attrInt("w:w", pageHeightTwips)
		b.attrInt("w:h", pageWidthTwips)
		b.WriteString(` w:orient="landscape"`)
	} else {
		b.attrInt("w:w", pageWidthTwips)
		b.attrInt("w:h", pageHeightTwips)
	}
	b.WriteString(`/><w:pgMar`)
	b.attrInt("w:top", marginTopTwips)
	b.attrInt("w:right", marginRightTwips)
	b.attrInt("w:bottom", marginBottomTwips)
	b.attrInt("w:left", marginLeftTwips)
	b.attrInt("w:header", headerDistanceTwips)
	b.attrInt("w:footer", footerDistanceTwips)
	b.WriteString(` w:gutter="0"/><w:cols w:space="708"/></w:sectPr>`)
}
