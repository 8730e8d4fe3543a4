package docx

import (
	"fmt"
	"math"
	"strings"

	"github.com/konkurs/konkurs/pipeline/document"
)

// verticalMerge tracks a cell with RowSpan > 1 while the rows it covers are
// written: the model omits the covered positions, DOCX needs a cell there.
type verticalMerge struct {
	rowsLeft int
	gridSpan int
}

func (w *bodyWriter) table(t *document.Table) error {
	if len(t.Widths) == 0 {
		return fmt.Errorf("table: widths is empty, a table needs at least one column")
	}
	for i, width := range t.Widths {
		if !(width > 0) || math.IsInf(width, 0) {
			return fmt.Errorf("table: widths[%d] = %g, must be a positive number", i, width)
		}
	}
	grid := scaleWidths(t.Widths, textWidthTwips(w.landscape))
	sizePt := t.Size
	if sizePt <= 0 {
		sizePt = document.TableSizePt
	}
	size := halfPoints(sizePt)

	// A malformed row fails the whole document, so the table is written
	// straight into the body: nothing half-built ever reaches the caller.
	w.beforeTable()
	tw := w
	tw.tableStart(grid, !t.Borderless, false)
	merges := make([]verticalMerge, len(grid))
	for r, row := range t.Rows {
		header := r < t.HeaderRows
		tw.WriteString(`<w:tr>`)
		switch {
		case header:
			// Header rows repeat on every page and never split.
			tw.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		case rowIsShort(row, grid, sizePt):
			// A short row split over two pages is hard to read; a long one
			// must split or it would not fit on a page at all.
			tw.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		col, next := 0, 0
		for col < len(grid) {
			if m := &merges[col]; m.rowsLeft > 0 {
				m.rowsLeft--
				tw.cellStart(spanWidth(grid, col, m.gridSpan), m.gridSpan, "continue", header)
				tw.WriteString(`<w:p><w:pPr>`)
				tw.runProps(runStyle{halfPoints: size})
				tw.WriteString(`</w:pPr></w:p></w:tc>`)
				col += m.gridSpan
				continue
			}
			if next >= len(row.Cells) {
				// A short row is padded with empty cells to keep the grid.
				tw.cellStart(grid[col], 1, "", header)
				tw.cellText(document.Cell{}, size)
				col++
				continue
			}
			cell := row.Cells[next]
			span := max(cell.ColSpan, 1)
			if col+span > len(grid) {
				return fmt.Errorf("table: rows[%d].cells[%d]: spans grid columns %d-%d, the table has %d", r, next, col+1, col+span, len(grid))
			}
			for k := col + 1; k < col+span; k++ {
				if merges[k].rowsLeft > 0 {
					return fmt.Errorf("table: rows[%d].cells[%d]: overlaps the cell merged down from an earlier row at grid column %d", r, next, k+1)
				}
			}
			merge := ""
			if cell.RowSpan > 1 {
				merge = "restart"
				merges[col] = verticalMerge{rowsLeft: min(cell.RowSpan-1, len(t.Rows)-1-r), gridSpan: span}
			}
			tw.cellStart(spanWidth(grid, col, span), span, merge, header)
			tw.cellText(cell, size)
			col += span
			next++
		}
		if next < len(row.Cells) {
			return fmt.Errorf("table: rows[%d]: %d cells do not fit into %d columns", r, len(row.Cells), len(grid))
		}
		tw.WriteString(`</w:tr>`)
	}
	tw.WriteString(`</w:tbl>`)
	return nil
}

// scaleWidths turns relative widths into twips that add up to total exactly.
func scaleWidths(widths []float64, total int) []int {
	sum := 0.0
	for _, v := range widths {
		sum += v
	}
	grid := make([]int, len(widths))
	used, acc := 0, 0.0
	for i, v := range widths {
		acc += v
		edge := int(math.Round(acc / sum * float64(total)))
		grid[i] = edge - used
		used = edge
	}
	return grid
}

func spanWidth(grid []int, col, span int) int {
	width := 0
	for _, v := range grid[col : col+span] {
		width += v
	}
	return width
}

// tableStart opens a fixed-layout table (LibreOffice and Word then keep the
// widths we computed instead of guessing from the content). Layout tables
// for fill-in lines and signatures have no cell margins, so their text lines
// up with the body text.
func (w *bodyWriter) tableStart(grid []int, borders, layout bool) {
	total := 0
	for _, v := range grid {
		total += v
	}
	w.WriteString(`<w:tbl><w:tblPr><w:tblW`)
	w.attrInt("w:w", total)
	w.WriteString(` w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>`)
	border := `w:val="nil"/>`
	if borders {
		border = `w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
	}
	for _, side := range [...]string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		w.WriteString(`<w:` + side + ` ` + border)
	}
	w.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/>`)
	if layout {
		w.WriteString(`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>`)
	}
	w.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, v := range grid {
		w.WriteString(`<w:gridCol`)
		w.attrInt("w:w", v)
		w.WriteString(`/>`)
	}
	w.WriteString(`</w:tblGrid>`)
}

// cellStart opens w:tc with its properties; header cells are centred
// vertically, as column titles of different lengths usually are.
func (w *bodyWriter) cellStart(width, gridSpan int, vMerge string, header bool) {
	w.WriteString(`<w:tc><w:tcPr><w:tcW`)
	w.attrInt("w:w", width)
	w.WriteString(` w:type="dxa"/>`)
	if gridSpan > 1 {
		w.elemVal("w:gridSpan", gridSpan)
	}
	switch vMerge {
	case "restart":
		w.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		w.WriteString(`<w:vMerge/>`)
	}
	if header || vMerge != "" {
		w.WriteString(`<w:vAlign w:val="center"/>`)
	}
	w.WriteString(`</w:tcPr>`)
}

// cellText writes the cell's paragraph and closes the cell; "\n" in the
// text becomes a line break inside the one paragraph.
func (w *bodyWriter) cellText(c document.Cell, size int) {
	w.WriteString(`<w:p><w:pPr><w:jc w:val="` + jcValue(c.Align) + `"/>`)
	w.runProps(runStyle{bold: c.Bold, halfPoints: size})
	w.WriteString(`</w:pPr>`)
	if len(c.Runs) > 0 {
		for _, r := range c.Runs {
			w.run(r.Text, runStyle{bold: r.Bold || c.Bold, italic: r.Italic, underline: r.Underline, halfPoints: size})
		}
	} else {
		w.run(c.Text, runStyle{bold: c.Bold, halfPoints: size})
	}
	w.WriteString(`</w:p></w:tc>`)
}

// maxUnsplitLines is the height, in lines of text, up to which a row is kept
// on one page.
const maxUnsplitLines = 12

// rowIsShort estimates whether every cell of the row fits in maxUnsplitLines
// lines; the estimate errs towards "long", which only allows a split.
func rowIsShort(row document.Row, grid []int, sizePt float64) bool {
	col := 0
	for _, cell := range row.Cells {
		span := max(cell.ColSpan, 1)
		if col+span > len(grid) {
			return false
		}
		width := spanWidth(grid, col, span) - 2*108 // default cell margins
		col += span
		text := cell.Text
		if len(cell.Runs) > 0 {
			var b strings.Builder
			for _, r := range cell.Runs {
				b.WriteString(r.Text)
			}
			text = b.String()
		}
		if len(text) > maxUnsplitLines*200 {
			return false
		}
		lines := 0
		for line := range strings.SplitSeq(text, "\n") {
			lines += max(1, (estimateTextTwips(line, sizePt)+width-1)/max(width, 1))
		}
		if lines > maxUnsplitLines {
			return false
		}
	}
	return true
}
