package pdf

import "fmt"

// GlyphError reports a character the embedded fonts cannot draw. A missing
// glyph is never replaced by a space or a box: the document is not written.
// Callers show it to users in their language from Rune and Where.
type GlyphError struct {
	Rune  rune
	Where string // e.g. "block 4 (table), row 2, cell 3"
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("%s: character %q (U+%04X) has no glyph in the embedded Liberation Serif fonts", e.Where, e.Rune, e.Rune)
}

// TableError reports a table whose grid cannot be laid out.
type TableError struct {
	Where  string
	Reason string
}

func (e *TableError) Error() string { return e.Where + ": " + e.Reason }
