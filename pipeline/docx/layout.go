package docx

import (
	"math"
	"unicode"

	"github.com/konkurs/konkurs/pipeline/document"
)

// The rule under a fill-in value and a signature is the bottom border of the
// paragraph in a layout-table cell: it spans the cell whatever the value's
// length, and the caption centres under it in the next row.
const (
	ruleBorder  = `<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`
	columnGapTw = 170 // 3 mm between a label and its line, or two lines
)

// fillLine renders a fill-in line as a borderless table: an optional label
// cell, the value on a rule, and a 10 pt caption centred under the rule.
func (w *bodyWriter) fillLine(f document.FillLine) {
	textWidth := textWidthTwips(w.landscape)
	lineWidth := textWidth
	if f.WidthPercent > 0 && f.WidthPercent < 100 {
		lineWidth = int(math.Round(float64(textWidth) * f.WidthPercent / 100))
	}
	var grid []int
	if f.Label != "" {
		labelWidth := min(estimateTextTwips(f.Label, document.BodySizePt)+columnGapTw, textWidth*6/10)
		if f.WidthPercent <= 0 || labelWidth+lineWidth > textWidth {
			lineWidth = textWidth - labelWidth
		}
		grid = []int{labelWidth, lineWidth}
	} else {
		grid = []int{lineWidth}
	}
	lineCol := len(grid) - 1

	w.beforeTable()
	w.tableStart(grid, false, true)
	w.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	if f.Label != "" {
		w.layoutCell(grid[0], "bottom")
		w.WriteString(`<w:p><w:pPr><w:jc w:val="left"/></w:pPr>`)
		w.run(f.Label, runStyle{})
		w.WriteString(`</w:p></w:tc>`)
	}
	w.layoutCell(grid[lineCol], "bottom")
	// 6 pt above the value leaves room for handwriting on a blank form.
	w.WriteString(`<w:p><w:pPr>` + ruleBorder + `<w:spacing w:before="120"/><w:jc w:val="` + jcValue(f.Align) + `"/></w:pPr>`)
	w.run(f.Value, runStyle{})
	w.WriteString(`</w:p></w:tc></w:tr>`)
	if f.Caption != "" {
		w.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		if f.Label != "" {
			w.layoutCell(grid[0], "")
			w.WriteString(`<w:p><w:pPr><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p></w:tc>`)
		}
		w.layoutCell(grid[lineCol], "")
		w.caption(f.Caption, 0)
		w.WriteString(`</w:tc></w:tr>`)
	}
	w.WriteString(`</w:tbl>`)
}

// signature renders position | signature line | name, captions under the
// lines, then the seal mark and the date.
func (w *bodyWriter) signature(s document.SignatureBlock) {
	textWidth := textWidthTwips(w.landscape)
	grid := scaleWidths([]float64{40, 25, 35}, textWidth)

	w.beforeTable()
	w.tableStart(grid, false, true)
	w.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	w.layoutCell(grid[0], "bottom")
	w.WriteString(`<w:p><w:pPr><w:jc w:val="left"/></w:pPr>`)
	w.run(s.Position, runStyle{})
	w.WriteString(`</w:p></w:tc>`)
	w.layoutCell(grid[1], "bottom")
	w.WriteString(`<w:p><w:pPr>` + ruleBorder)
	w.WriteString(`<w:ind w:left="170" w:right="170"/><w:jc w:val="center"/></w:pPr></w:p></w:tc>`)
	w.layoutCell(grid[2], "bottom")
	w.WriteString(`<w:p><w:pPr>` + ruleBorder + `<w:ind w:left="170"/><w:jc w:val="center"/></w:pPr>`)
	w.run(s.Name, runStyle{})
	w.WriteString(`</w:p></w:tc></w:tr>`)
	if s.SignatureCaption != "" || s.NameCaption != "" {
		w.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		w.layoutCell(grid[0], "")
		w.WriteString(`<w:p><w:pPr><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p></w:tc>`)
		w.layoutCell(grid[1], "")
		w.caption(s.SignatureCaption, 0)
		w.WriteString(`</w:tc>`)
		w.layoutCell(grid[2], "")
		w.caption(s.NameCaption, columnGapTw)
		w.WriteString(`</w:tc></w:tr>`)
	}
	w.WriteString(`</w:tbl>`)

	if s.Seal != "" {
		w.beforeParagraph()
		w.WriteString(`<w:p><w:pPr><w:spacing w:before="120"/><w:jc w:val="left"/></w:pPr>`)
		w.run(s.Seal, runStyle{})
		w.WriteString(`</w:p>`)
	}
	if s.Date != "" {
		w.beforeParagraph()
		w.WriteString(`<w:p><w:pPr><w:spacing w:before="120"/><w:jc w:val="left"/></w:pPr>`)
		w.run(s.Date, runStyle{})
		w.WriteString(`</w:p>`)
	}
}

func (w *bodyWriter) layoutCell(width int, vAlign string) {
	w.WriteString(`<w:tc><w:tcPr><w:tcW`)
	w.attrInt("w:w", width)
	w.WriteString(` w:type="dxa"/>`)
	if vAlign != "" {
		w.WriteString(`<w:vAlign w:val="` + vAlign + `"/>`)
	}
	w.WriteString(`</w:tcPr>`)
}

// caption writes the small centred caption paragraph under a rule.
func (w *bodyWriter) caption(text string, indentLeft int) {
	size := halfPoints(document.CaptionSizePt)
	w.WriteString(`<w:p><w:pPr>`)
	if indentLeft > 0 {
		w.WriteString(`<w:ind`)
		w.attrInt("w:left", indentLeft)
		w.WriteString(`/>`)
	}
	w.WriteString(`<w:jc w:val="center"/>`)
	w.runProps(runStyle{halfPoints: size})
	w.WriteString(`</w:pPr>`)
	w.run(text, runStyle{halfPoints: size})
	w.WriteString(`</w:p>`)
}

// estimateTextTwips guesses the printed width of a label in Times New Roman
// so its column is wide enough; the rest of the row goes to the line. It errs
// wide: a label that wraps looks worse than a slightly shorter line.
func estimateTextTwips(s string, sizePt float64) int {
	em := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			em += 0.25
		case r >= 'a' && r <= 'z', r >= 0x430 && r <= 0x44F: // Latin, Cyrillic lower case
			em += 0.52
		case r >= 'A' && r <= 'Z', r >= 0x410 && r <= 0x42F:
			em += 0.70
		case unicode.IsUpper(r):
			em += 0.70
		case unicode.IsDigit(r):
			em += 0.50
		case unicode.IsPunct(r):
			em += 0.33
		default:
			em += 0.52
		}
	}
	return int(math.Ceil(em * sizePt * 20 * 1.05))
}
