package docx

import (
	"math"

	"github.com/konkurs/konkurs/pipeline/document"
)

// Word measures lengths in twips (1/20 pt) and converts centimetres at 567
// twips per cm; using the same factor gives the values Word itself writes for
// the standard margins (3 cm = 1701, 1.5 cm = 851, 2 cm = 1134).
const twipsPerMM = 56.7

// A4 as Word writes it (the exact value, 210 mm = 11906 twips, not 567×21).
const (
	pageWidthTwips  = 11906
	pageHeightTwips = 16838
)

var (
	marginLeftTwips      = mmToTwips(document.MarginLeftMM)
	marginRightTwips     = mmToTwips(document.MarginRightMM)
	marginTopTwips       = mmToTwips(document.MarginTopMM)
	marginBottomTwips    = mmToTwips(document.MarginBottomMM)
	firstLineIndentTwips = mmToTwips(12.5) // the official first-line indent
	headerDistanceTwips  = mmToTwips(12.5)
	footerDistanceTwips  = mmToTwips(10)
)

// textWidthTwips is the width between the margins for the given orientation.
func textWidthTwips(landscape bool) int {
	if landscape {
		return pageHeightTwips - marginLeftTwips - marginRightTwips
	}
	return pageWidthTwips - marginLeftTwips - marginRightTwips
}

func mmToTwips(mm float64) int { return int(math.Round(mm * twipsPerMM)) }

// ptToTwips converts points to twentieths of a point (spacing, line height).
func ptToTwips(pt float64) int { return int(math.Round(pt * 20)) }

// halfPoints converts a font size to w:sz units.
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }
