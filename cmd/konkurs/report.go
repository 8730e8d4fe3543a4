package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
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
		return invalidInput(err)
	}
	return err
}
