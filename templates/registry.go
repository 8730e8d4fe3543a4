package templates

import (
	"fmt"
	"sort"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// Kind is a document kind konkurs renders: its name on the command line, its
// input and how its document is built.
type Kind struct {
	Name  string // CLI name, e.g. "annex1"
	Order int    // position in listings (annexes first, then the procedure)
	// NewInput returns a pointer to a zero input value; its type gives the
	// JSON Schema and the decoder its target.
	NewInput func() any
	// Build lays out the document in lang. A blank form is built from the
	// zero input (NewInput()) with blank set.
	Build func(input any, lang catalog.Lang, opt BuildOptions) (*document.Document, error)
	// FromCaseFile, when set, derives the input from a competition case file
	// (for one application when the kind is per application).
	FromCaseFile func(cf *competition.CaseFile, application string) (any, error)
	// CaseFileInput marks kinds whose input is always the whole case file.
	CaseFileInput bool
	// Blankable kinds have an official blank form (--blank).
	Blankable bool
	// Example is the bundled example input in examples/ (default NAME.yaml);
	// ExampleApplication names the application for per-application kinds.
	Example            string
	ExampleApplication string
}

// ExampleFile is the name of the kind's bundled example in examples/.
func (k *Kind) ExampleFile() string {
	if k.Example != "" {
		return k.Example
	}
	return k.Name + ".yaml"
}

// BuildOptions tune a build.
type BuildOptions struct {
	Blank bool // the official blank form: empty fill-in lines, no input
}

// Title is the kind's title in lang, from the catalog ("doc.NAME").
func (k *Kind) Title(lang catalog.Lang) string { return catalog.T(lang, "doc."+k.Name) }

var kinds = map[string]*Kind{}

// register adds a kind; each kind's file calls it from init.
func register(k *Kind) {
	if _, dup := kinds[k.Name]; dup {
		panic("templates: kind registered twice: " + k.Name)
	}
	kinds[k.Name] = k
}

// Lookup returns the kind named name.
func Lookup(name string) (*Kind, error) {
	k, ok := kinds[name]
	if !ok {
		return nil, &UnknownKindError{Name: name}
	}
	return k, nil
}

// Kinds lists every kind in display order.
func Kinds() []*Kind {
	list := make([]*Kind, 0, len(kinds))
	for _, k := range kinds {
		list = append(list, k)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Order != list[j].Order {
			return list[i].Order < list[j].Order
		}
		return list[i].Name < list[j].Name
	})
	return list
}

// Names lists every kind's name in display order.
func Names() []string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.Name)
	}
	return names
}

// UnknownKindError names a document kind that does not exist.
type UnknownKindError struct{ Name string }

func (e *UnknownKindError) Error() string {
	return fmt.Sprintf("unknown document kind %q; known kinds: %v", e.Name, Names())
}

// validator is implemented by inputs with rules beyond their field tags.
type validator interface{ Validate() error }

// LoadInput reads the input of kind from path: a case file when the kind
// needs one or an application is named, otherwise the kind's own input.
// Every problem is returned as a *competition.ValidationError.
func LoadInput(k *Kind, path, application string) (any, error) {
	if k.FromCaseFile != nil && (k.CaseFileInput || application != "") {
		cf, err := competition.Load(path)
		if err != nil {
			return nil, err
		}
		in, err := k.FromCaseFile(cf, application)
		if err != nil {
			ve := &competition.ValidationError{File: path}
			ve.Merge(err)
			return nil, ve
		}
		return in, nil
	}
	in := k.NewInput()
	if err := competition.ReadAndValidate(path, in, func() error { return ValidateInput(in) }); err != nil {
		return nil, err
	}
	return in, nil
}

// ValidateInput checks an input's field tags and its own rules.
func ValidateInput(in any) error {
	if v, ok := in.(validator); ok {
		return v.Validate()
	}
	return competition.ValidateStruct(in).Err()
}
