package calendar

import (
	"errors"
	"strconv"
	"strings"

	"github.com/konkurs/konkurs/catalog"
)

// ErrOutOfRange is matched (errors.Is) by every error about a date outside
// FirstYear..LastYear.
var ErrOutOfRange = errors.New("date outside the calendar's years")

// Error is a calendar problem the user can act on. Its text lives in the
// catalog; Error() gives English, Text(lang) the user's language.
type Error struct {
	Key  string   // catalog key
	Args []string // placeholder name/value pairs
	kind error    // sentinel for errors.Is, may be nil
}

func (e *Error) Error() string                 { return catalog.T(catalog.EN, e.Key, e.Args...) }
func (e *Error) Text(lang catalog.Lang) string { return catalog.T(lang, e.Key, e.Args...) }
func (e *Error) Is(target error) bool          { return e.kind != nil && target == e.kind }

func outOfRange(d Date) error {
	return &Error{Key: "calendar.out_of_range", kind: ErrOutOfRange, Args: []string{
		"date", d.String(), "first", itoa(FirstYear), "last", itoa(LastYear)}}
}

func fileError(file string, line int, problem string, args ...string) *Error {
	all := append([]string{"file", file, "line", itoa(line)}, args...)
	return &Error{Key: "calendar.file." + problem, Args: all}
}

// FileErrors lists every bad line of a calendar data file. errors.As finds
// each *Error in it.
type FileErrors []*Error

func (e FileErrors) Error() string { return e.Text(catalog.EN) }

// Text is one line per problem in lang.
func (e FileErrors) Text(lang catalog.Lang) string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.Text(lang)
	}
	return strings.Join(lines, "\n")
}

func (e FileErrors) Unwrap() []error {
	errs := make([]error, len(e))
	for i, p := range e {
		errs[i] = p
	}
	return errs
}

func itoa(n int) string { return strconv.Itoa(n) }
