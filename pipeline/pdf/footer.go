package pdf

import (
	"strconv"

	"github.com/konkurs/konkurs/pipeline/document"
)

const (
	pageNumberSizePt     = 12.0
	footerSizePt         = 9.0
	pageNumberFromBottom = 10 * mm
)

// footers prints the footer text and the page number (centred) in the
// bottom margin of every page.
func (l *layout) footers() error {
	var footer []line
	if l.doc.Footer != "" {
		l.where = "document footer"
		ws, err := l.words(plain(l.doc.Footer), footerSizePt, false)
		if err != nil {
			return err
		}
		footer = breakLines(ws, l.textW, l.textW, footerSizePt)
	}
	for i, p := range l.pages {
		l.cur = p
		pageW, pageH := document.PageWidthMM*mm, document.PageHeightMM*mm
		if p.landscape {
			pageW, pageH = pageH, pageW
		}
		textW := pageW - l.left - document.MarginRightMM*mm
		base := pageH - pageNumberFromBottom
		if !l.doc.NoPageNumbers {
			s := strconv.Itoa(i + 1)
			w, err := l.measure(faceRegular, pageNumberSizePt, s)
			if err != nil {
				return err
			}
			l.text(faceRegular, pageNumberSizePt, l.left+(textW-w)/2, base, s)
			base -= lineHeight(pageNumberSizePt)
		}
		for k := len(footer) - 1; k >= 0; k-- {
			l.placeLine(footer[k], l.left, textW, base, footerSizePt, document.AlignLeft)
			base -= lineHeight(footerSizePt)
		}
	}
	return nil
}
