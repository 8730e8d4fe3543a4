package competition

import (
	"fmt"
	"strings"

	"github.com/konkurs/konkurs/catalog"
)

// FieldError is one problem of an input: the field path as the user wrote
// it (e.g. "participants[2].bin"), a catalog code and its arguments.
type FieldError struct {
	Path string
	Code string   // catalog key without the "validation." prefix
	Args []string // placeholder name/value pairs for the catalog text
}

// CatalogArg marks an argument value that is itself a catalog key, resolved
// in the message's language (e.g. the title of a concept's section).
const CatalogArg = "catalog:"

// Message renders the problem in lang.
func (e FieldError) Message(lang catalog.Lang) string {
	args := make([]string, len(e.Args))
	copy(args, e.Args)
	for i := 1; i < len(args); i += 2 {
		if key, ok := strings.CutPrefix(args[i], CatalogArg); ok {
			textLang := lang
			if !catalog.Has(lang, key) {
				textLang = catalog.KK // texts of documents exist in kk and ru only
			}
			args[i] = catalog.T(textLang, key)
		}
	}
	return catalog.T(lang, "validation."+e.Code, args...)
}

// ValidationError lists every problem found in one input file; it is
// returned whole so the user sees all problems at once.
type ValidationError struct {
	File   string
	Errors []FieldError
	// Partial marks decoding problems the decoder went past (unknown fields,
	// values of the wrong type): the decoded value holds the rest of the file
	// and should be validated too, so the user sees every problem at once.
	Partial bool
}

func (v *ValidationError) Error() string {
	return strings.Join(v.Lines(catalog.EN), "\n")
}

// Lines renders one line per problem in lang: "FILE: PATH: message".
func (v *ValidationError) Lines(lang catalog.Lang) []string {
	lines := make([]string, 0, len(v.Errors))
	for _, e := range v.Errors {
		var b strings.Builder
		if v.File != "" {
			b.WriteString(v.File)
			b.WriteString(": ")
		}
		if e.Path != "" {
			b.WriteString(e.Path)
			b.WriteString(": ")
		}
		b.WriteString(e.Message(lang))
		lines = append(lines, b.String())
	}
	return lines
}

// Add records a problem.
func (v *ValidationError) Add(path, code string, args ...string) {
	v.Errors = append(v.Errors, FieldError{Path: path, Code: code, Args: args})
}

// Err returns v when it holds problems, nil otherwise.
func (v *ValidationError) Err() error {
	if v == nil || len(v.Errors) == 0 {
		return nil
	}
	return v
}

// Merge appends the problems of another error (a *ValidationError, or any
// error as one generic problem).
func (v *ValidationError) Merge(err error) {
	if err == nil {
		return
	}
	if o, ok := err.(*ValidationError); ok {
		v.Errors = append(v.Errors, o.Errors...)
		return
	}
	v.Add("", "generic", "detail", err.Error())
}

// path helpers keep the user's field names consistent.
func indexPath(list string, i int, field string) string {
	if field == "" {
		return fmt.Sprintf("%s[%d]", list, i)
	}
	return fmt.Sprintf("%s[%d].%s", list, i, field)
}
