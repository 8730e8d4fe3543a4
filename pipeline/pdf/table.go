package pdf

import (
	"fmt"

	"github.com/konkurs/konkurs/pipeline/document"
)

// Cell margins close to Word's defaults (0.19 cm left and right), so tables
// break at the same rows in the PDF and in the DOCX opened in LibreOffice.
const (
	cellPadX    = 1.9 * mm
	cellPadY    = 0.5
	gridLineThk = 0.5
)

// placedCell is a cell with its grid position and wrapped lines.
type placedCell struct {
	row, col, colSpan, rowSpan int
	align                      document.Align
	lines                      []line
	height                     float64
}

// tableGrid is a table measured and resolved into grid positions.
type tableGrid struct {
	t        *document.Table
	size     float64
	colX     []float64 // column edges, len(cols)+1
	heights  []float64 // row heights
	cells    [][]*placedCell
	groupEnd []int // last row that must stay on the same page as each row
}

func (l *layout) buildGrid(t *document.Table) (*tableGrid, error) {
	where := l.where
	cols := len(t.Widths)
	if cols == 0 {
		return nil, &TableError{Where: where, Reason: "the table has no column widths"}
	}
	var total float64
	for i, w := range t.Widths {
		if w <= 0 {
			return nil, &TableError{Where: where, Reason: fmt.Sprintf("column %d has width %g; widths must be positive", i+1, w)}
		}
		total += w
	}
	g := &tableGrid{t: t, size: t.Size}
	if g.size <= 0 {
		g.size = document.TableSizePt
	}
	g.colX = make([]float64, cols+1)
	g.colX[0] = l.left
	acc := 0.0
	for i, w := range t.Widths {
		acc += w
		g.colX[i+1] = l.left + l.textW*acc/total
	}
	n := len(t.Rows)
	g.heights = make([]float64, n)
	g.cells = make([][]*placedCell, n)
	g.groupEnd = make([]int, n)
	occupied := make([][]bool, n)
	for r := range occupied {
		occupied[r] = make([]bool, cols)
	}
	lh := lineHeight(g.size)
	for r, row := range t.Rows {
		c := 0
		for k, cell := range row.Cells {
			for c < cols && occupied[r][c] {
				c++
			}
			cs, rs := max(cell.ColSpan, 1), max(cell.RowSpan, 1)
			if c+cs > cols {
				return nil, &TableError{Where: fmt.Sprintf("%s, row %d, cell %d", where, r+1, k+1), Reason: fmt.Sprintf("the row has more cells than the table's %d columns", cols)}
			}
			rs = min(rs, n-r)
			for rr := r; rr < r+rs; rr++ {
				for cc := c; cc < c+cs; cc++ {
					occupied[rr][cc] = true
				}
			}
			l.where = fmt.Sprintf("%s, row %d, cell %d", where, r+1, k+1)
			runs := cell.Runs
			if len(runs) == 0 {
				runs = plain(cell.Text)
			}
			ws, err := l.words(runs, g.size, cell.Bold)
			if err != nil {
				return nil, err
			}
			inner := g.colX[c+cs] - g.colX[c] - 2*cellPadX
			pc := &placedCell{row: r, col: c, colSpan: cs, rowSpan: rs, align: cell.Align}
			pc.lines = breakLines(ws, inner, inner, g.size)
			pc.height = float64(max(len(pc.lines), 1))*lh + 2*cellPadY
			g.cells[r] = append(g.cells[r], pc)
			c += cs
		}
	}
	l.where = where
	for r := range g.heights {
		g.heights[r] = lh + 2*cellPadY
		for _, pc := range g.cells[r] {
			if pc.rowSpan == 1 {
				g.heights[r] = max(g.heights[r], pc.height)
			}
		}
	}
	// A merged cell taller than the rows it spans stretches its last row.
	for r := range g.cells {
		for _, pc := range g.cells[r] {
			if pc.rowSpan > 1 {
				if need := pc.height - g.span(r, r+pc.rowSpan); need > 0 {
					g.heights[r+pc.rowSpan-1] += need
				}
			}
		}
	}
	// Rows joined by a vertical merge move to a new page together.
	for r := 0; r < n; {
		end := r
		for k := r; k <= end; k++ {
			for _, pc := range g.cells[k] {
				end = max(end, k+pc.rowSpan-1)
			}
		}
		for k := r; k <= end; k++ {
			g.groupEnd[k] = end
		}
		r = end + 1
	}
	return g, nil
}

// span is the height of rows from..to-1.
func (g *tableGrid) span(from, to int) float64 {
	h := 0.0
	for r := from; r < to; r++ {
		h += g.heights[r]
	}
	return h
}

// table lays out a table, breaking it between rows (never inside a merged
// group) and repeating its header rows at the top of every page.
func (l *layout) table(t *document.Table) error {
	g, err := l.buildGrid(t)
	if err != nil {
		return err
	}
	n := len(t.Rows)
	if n == 0 {
		return nil
	}
	hr := min(max(t.HeaderRows, 0), n)
	if hr > 0 {
		hr = g.groupEnd[hr-1] + 1
	}
	headerH := g.span(0, hr)
	first := headerH
	if hr < n {
		first += g.span(hr, g.groupEnd[hr]+1)
	}
	l.ensure(first)
	l.drawRows(g, 0, hr)
	for r := hr; r < n; {
		end := g.groupEnd[r] + 1
		h := g.span(r, end)
		if !l.fits(h) {
			if end == r+1 && h > l.bottomY-l.top-headerH {
				// A single row taller than a page continues on the next
				// pages, its cells' lines cut at the page bottom.
				l.splitRow(g, r, hr)
				r = end
				continue
			}
			l.continuePage()
			l.drawRows(g, 0, hr)
			if !l.fits(h) {
				return &TableError{Where: fmt.Sprintf("%s, rows %d-%d", l.where, r+1, end), Reason: "merged cells make these rows taller than a page; split their text into more rows"}
			}
		}
		l.drawRows(g, r, end)
		r = end
	}
	l.y += lineHeight(document.BodySizePt) / 3
	return nil
}

func (l *layout) drawRows(g *tableGrid, from, to int) {
	lh := lineHeight(g.size)
	for r := from; r < to; r++ {
		top := l.y
		for _, pc := range g.cells[r] {
			x0, x1 := g.colX[pc.col], g.colX[pc.col+pc.colSpan]
			bottom := top + g.span(r, r+pc.rowSpan)
			if !g.t.Borderless {
				l.rule(x0, top, x1, top, gridLineThk)
				l.rule(x0, bottom, x1, bottom, gridLineThk)
				l.rule(x0, top, x0, bottom, gridLineThk)
				l.rule(x1, top, x1, bottom, gridLineThk)
			}
			inner := x1 - x0 - 2*cellPadX
			for i, ln := range pc.lines {
				base := top + cellPadY + float64(i)*lh + baselineOffset(g.size)
				l.placeLine(ln, x0+cellPadX, inner, base, g.size, pc.align)
			}
		}
		l.y = top + g.heights[r]
		l.pageHasContent = true
	}
}

// splitRow draws row r over as many pages as its tallest cell needs,
// repeating the header rows on each new page.
func (l *layout) splitRow(g *tableGrid, r, hr int) {
	lh := lineHeight(g.size)
	total := 0
	for _, pc := range g.cells[r] {
		total = max(total, len(pc.lines))
	}
	for from := 0; from < total; {
		slots := int((l.bottomY - l.y - 2*cellPadY) / lh)
		if slots < 2 {
			l.continuePage()
			l.drawRows(g, 0, hr)
			slots = max(int((l.bottomY-l.y-2*cellPadY)/lh), 1)
		}
		to := min(from+slots, total)
		top, bottom := l.y, l.y+float64(to-from)*lh+2*cellPadY
		for _, pc := range g.cells[r] {
			x0, x1 := g.colX[pc.col], g.colX[pc.col+pc.colSpan]
			if !g.t.Borderless {
				l.rule(x0, top, x1, top, gridLineThk)
				l.rule(x0, bottom, x1, bottom, gridLineThk)
				l.rule(x0, top, x0, bottom, gridLineThk)
				l.rule(x1, top, x1, bottom, gridLineThk)
			}
			for i := from; i < min(to, len(pc.lines)); i++ {
				base := top + cellPadY + float64(i-from)*lh + baselineOffset(g.size)
				l.placeLine(pc.lines[i], x0+cellPadX, x1-x0-2*cellPadX, base, g.size, pc.align)
			}
		}
		l.y = bottom
		l.pageHasContent = true
		from = to
		if from < total {
			l.continuePage()
			l.drawRows(g, 0, hr)
		}
	}
}
