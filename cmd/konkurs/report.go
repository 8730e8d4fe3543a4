package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/templates"
)

// errReported is returned after the problems were already printed, so main
// only sets the exit code.
var errReported = errors.New("")

// reportInput prints input problems one per line in lang and returns an
// error that exits with code 2; other errors pass through unchanged.
func reportInput(stderr io.Writer, err error, lang catalog.Lang) error {
	var ve *competition.ValidationError
	if errors.As(err, &ve) {
		for _, line := range ve.Lines(lang) {
			fmt.Fprintln(stderr, line)
		}
		return invalidInput(errReported)
	}
	var uk *templates.UnknownKindError
	if errors.As(err, &uk) {
		fmt.Fprintln(stderr, catalog.T(lang, "cli.unknown_kind", "kind", uk.Name, "known", strings.Join(templates.Names(), ", ")))
		return invalidInput(errReported)
	}
	// A character the embedded fonts cannot print comes from the input: say
	// which one and where, rather than print a box or a space.
	var ge *pdf.GlyphError
	if errors.As(err, &ge) {
		fmt.Fprintln(stderr, catalog.T(lang, "cli.glyph_missing",
			"char", string(ge.Rune), "code", fmt.Sprintf("U+%04X", ge.Rune), "where", ge.Where))
		return invalidInput(errReported)
	}
	return err
}
