package dossier

import (
	"strings"

	"github.com/konkurs/konkurs/catalog"
)

// Problem is one thing wrong with the spec or an attachment: where (a field
// path such as "documents[2].file", or a file name) and what, as a catalog
// key with its placeholders.
type Problem struct {
	Where string
	Key   string
	Args  []string // name, value pairs for the catalog placeholders
}

// InputError lists every problem found in the user's input; nothing was
// written. Its text is in the language it was created with.
type InputError struct {
	Lang     catalog.Lang
	Problems []Problem
}

func (e *InputError) Error() string {
	lines := make([]string, 0, len(e.Problems)+1)
	lines = append(lines, catalog.T(e.Lang, "dossier.err.invalid"))
	for _, p := range e.Problems {
		msg := catalog.T(e.Lang, p.Key, p.Args...)
		if p.Where != "" {
			msg = p.Where + ": " + msg
		}
		lines = append(lines, "  - "+msg)
	}
	return strings.Join(lines, "\n")
}

// Has reports whether a problem with the catalog key is listed; tests and
// callers use it instead of matching text.
func (e *InputError) Has(key string) bool {
	for _, p := range e.Problems {
		if p.Key == key {
			return true
		}
	}
	return false
}

type problems struct {
	lang catalog.Lang
	list []Problem
}

func (ps *problems) add(where, key string, args ...string) {
	ps.list = append(ps.list, Problem{Where: where, Key: key, Args: args})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &InputError{Lang: ps.lang, Problems: ps.list}
}

// joinInputErrors merges the problems of several *InputErrors into one; any
// other error is returned as it is.
func joinInputErrors(lang catalog.Lang, errs ...error) error {
	ps := &problems{lang: lang}
	for _, err := range errs {
		if err == nil {
			continue
		}
		in, ok := err.(*InputError)
		if !ok {
			return err
		}
		ps.list = append(ps.list, in.Problems...)
	}
	return ps.err()
}
