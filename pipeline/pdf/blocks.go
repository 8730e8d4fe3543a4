package pdf

import (
	"github.com/konkurs/konkurs/pipeline/document"
)

const (
	firstLineIndent = 12.5 * mm // the official paragraph indent
	ruleThickness   = 0.5
	captionGap      = 2.5 // points between a rule and its caption's line top
	// fillLineSpaceBefore leaves room for handwriting above a blank line.
	fillLineSpaceBefore = 6.0
	// markSpaceBefore separates the seal mark and the date from the row.
	markSpaceBefore = 6.0
)

func plain(s string) []document.Run { return []document.Run{{Text: s}} }

func (l *layout) heading(h document.Heading, next float64) error {
	size := document.BodySizePt
	align := document.AlignCenter
	// Spacing as the DOCX writer's heading styles, so both break alike.
	before, after := 0.0, 12.0
	runs := []document.Run{{Text: h.Text, Bold: true}}
	switch h.Level {
	case 0, 1:
	case 2:
		align, before, after = document.AlignLeft, 12, 6
	default:
		align, before, after = document.AlignLeft, 6, 3
	}
	if l.pageHasContent {
		l.y += before
	}
	// Keep the heading with the first line of what follows it.
	ws, err := l.words(runs, size, true)
	if err != nil {
		return err
	}
	n := len(breakLines(ws, l.textW, l.textW, size))
	l.ensure(float64(n)*lineHeight(size) + after + next)
	if err := l.textBox(runs, l.left, l.textW, 0, size, align, true); err != nil {
		return err
	}
	l.y += after
	return nil
}

func (l *layout) paragraph(p document.Paragraph, next float64) error {
	size := p.Size
	if size <= 0 {
		size = document.BodySizePt
	}
	if l.pageHasContent {
		l.y += p.SpaceBeforePt
	}
	x := l.left + p.IndentMM*mm
	avail := l.textW - p.IndentMM*mm
	indent := 0.0
	if p.FirstLineIndent {
		indent = firstLineIndent
	}
	runs := p.Runs
	if len(runs) == 0 {
		runs = plain("")
	}
	if p.KeepWithNext {
		ws, err := l.words(runs, size, false)
		if err != nil {
			return err
		}
		n := len(breakLines(ws, avail-indent, avail, size))
		l.ensure(float64(n)*lineHeight(size) + p.SpaceAfterPt + next)
	}
	if err := l.textBox(runs, x, avail, indent, size, p.Align, false); err != nil {
		return err
	}
	l.y += p.SpaceAfterPt
	return nil
}

// annexHeader prints its lines in the right half of the text width, left-
// aligned there, as annexes to the Rules are headed.
func (l *layout) annexHeader(h document.AnnexHeader) error {
	half := l.textW / 2
	for _, s := range h.Lines {
		if err := l.textBox(plain(s), l.left+half, half, 0, document.BodySizePt, document.AlignLeft, false); err != nil {
			return err
		}
	}
	l.y += 12
	return nil
}

// fillLine prints the value on a rule (wrapping onto further ruled lines when
// long), the optional label before it, and the small caption centred under
// the rule. An empty value leaves a blank rule for handwriting.
func (l *layout) fillLine(f document.FillLine) error {
	size := document.BodySizePt
	lh := lineHeight(size)
	capSize := document.CaptionSizePt
	capH := 0.0
	if f.Caption != "" {
		capH = captionGap + lineHeight(capSize)
	}
	x := l.left
	var labelLines []line
	if f.Label != "" {
		ws, err := l.words(plain(f.Label), size, false)
		if err != nil {
			return err
		}
		labelLines = breakLines(ws, l.textW, l.textW, size)
		last := labelLines[len(labelLines)-1]
		x = l.left + last.natural + size/3
		if x > l.left+l.textW*0.75 {
			// The label fills the row: the rule goes on the next row.
			labelLines = append(labelLines, line{hard: true})
			x = l.left
		}
	}
	ruleW := l.left + l.textW - x
	if f.WidthPercent > 0 {
		ruleW = min(ruleW, l.textW*f.WidthPercent/100)
	}
	ws, err := l.words(plain(f.Value), size, false)
	if err != nil {
		return err
	}
	valueLines := breakLines(ws, ruleW, ruleW, size)
	if len(valueLines) == 0 {
		valueLines = []line{{hard: true}}
	}
	rows := max(len(labelLines), 1) + len(valueLines) - 1
	l.ensure(fillLineSpaceBefore + float64(rows)*lh + capH)
	if l.pageHasContent {
		l.y += fillLineSpaceBefore
	}
	for i, ln := range labelLines {
		if i > 0 {
			l.y += lh
		}
		l.placeLine(ln, l.left, l.textW, l.y+baselineOffset(size), size, document.AlignLeft)
	}
	align := f.Align
	if align == document.AlignJustify {
		align = document.AlignLeft
	}
	for i, ln := range valueLines {
		if i > 0 {
			l.y += lh
			l.ensure(lh + capH)
		}
		base := l.y + baselineOffset(size)
		l.placeLine(ln, x, ruleW, base, size, align)
		ruleY := base + size*0.22
		l.rule(x, ruleY, x+ruleW, ruleY, ruleThickness)
	}
	l.y += lh
	if f.Caption != "" {
		if err := l.caption(f.Caption, x, ruleW); err != nil {
			return err
		}
	}
	l.pageHasContent = true
	return nil
}

// caption prints a small centred caption right under a rule.
func (l *layout) caption(s string, x, w float64) error {
	size := document.CaptionSizePt
	l.y += captionGap - size*0.2
	err := l.textBox(plain(s), x, w, 0, size, document.AlignCenter, false)
	return err
}

// signature lays out the signatory's row: the position on the left, the
// signature rule with its caption, the name on its rule with its caption,
// then the seal mark and the date.
func (l *layout) signature(s document.SignatureBlock) error {
	size := document.BodySizePt
	lh := lineHeight(size)
	// Columns 40/25/35 % as in the DOCX writer, rules inset by 3 mm.
	posW := l.textW*0.40 - 3*mm
	sigX, sigW := l.left+l.textW*0.40+3*mm, l.textW*0.25-6*mm
	nameX, nameW := l.left+l.textW*0.65+3*mm, l.textW*0.35-3*mm

	pos, err := l.words(plain(s.Position), size, false)
	if err != nil {
		return err
	}
	posLines := breakLines(pos, posW, posW, size)
	nm, err := l.words(plain(s.Name), size, false)
	if err != nil {
		return err
	}
	nameLines := breakLines(nm, nameW, nameW, size)
	rows := max(len(posLines), len(nameLines), 1)
	extra := lineHeight(document.CaptionSizePt) + captionGap
	if s.Seal != "" {
		extra += markSpaceBefore + lh
	}
	if s.Date != "" {
		extra += markSpaceBefore + lh
	}
	l.ensure(float64(rows)*lh + extra)
	top := l.y
	// Bottom-align the position and the name with the rules.
	for i, ln := range posLines {
		row := rows - len(posLines) + i
		l.placeLine(ln, l.left, posW, top+float64(row)*lh+baselineOffset(size), size, document.AlignLeft)
	}
	for i, ln := range nameLines {
		row := rows - len(nameLines) + i
		l.placeLine(ln, nameX, nameW, top+float64(row)*lh+baselineOffset(size), size, document.AlignCenter)
	}
	ruleY := top + float64(rows-1)*lh + baselineOffset(size) + size*0.22
	l.rule(sigX, ruleY, sigX+sigW, ruleY, ruleThickness)
	l.rule(nameX, ruleY, nameX+nameW, ruleY, ruleThickness)
	l.y = top + float64(rows)*lh
	capTop := l.y
	if s.SignatureCaption != "" {
		if err := l.caption(s.SignatureCaption, sigX, sigW); err != nil {
			return err
		}
	}
	afterCaptions := l.y
	l.y = capTop
	if s.NameCaption != "" {
		if err := l.caption(s.NameCaption, nameX, nameW); err != nil {
			return err
		}
	}
	l.y = max(l.y, afterCaptions)
	if s.Seal != "" {
		l.y += markSpaceBefore
		if err := l.textBox(plain(s.Seal), l.left, posW, 0, size, document.AlignLeft, false); err != nil {
			return err
		}
	}
	if s.Date != "" {
		l.y += markSpaceBefore
		if err := l.textBox(plain(s.Date), l.left, l.textW, 0, size, document.AlignLeft, false); err != nil {
			return err
		}
	}
	l.pageHasContent = true
	return nil
}
