package main

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/templates"
	"github.com/konkurs/konkurs/templates/fonts"
)

// reportRenderError reports a failed render. When a character of the input
// cannot be printed, it names the fields of the user's file that hold such
// characters — "block 12 (signature)" names a place in the document, not
// what to edit — every one at once; otherwise it reports as reportInput.
func reportRenderError(stderr io.Writer, err error, lang catalog.Lang, kind *templates.Kind, file, application string, input any) error {
	var ge *pdf.GlyphError
	if !errors.As(err, &ge) || file == "" {
		return reportInput(stderr, err, lang)
	}
	source := input
	if kind.FromCaseFile != nil && (kind.CaseFileInput || application != "") {
		// The document was built from the case file: name its fields.
		cf, lerr := competition.Load(file)
		if lerr != nil {
			return reportInput(stderr, err, lang)
		}
		source = cf
	}
	found := unprintableFields(source)
	if len(found) == 0 {
		return reportInput(stderr, err, lang)
	}
	for _, f := range found {
		fmt.Fprintf(stderr, "%s: %s\n", file, catalog.T(lang, "cli.glyph_missing",
			"char", string(f.char), "code", fmt.Sprintf("U+%04X", f.char), "where", f.path))
	}
	return invalidInput(errReported)
}

type unprintable struct {
	path string
	char rune
}

// unprintableFields walks an input value and lists, by field path as
// written in the file (participants[2].name.kk, sections[5.4]), every
// character the embedded fonts cannot draw.
func unprintableFields(v any) []unprintable {
	var out []unprintable
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				f := t.Field(i)
				if !f.IsExported() {
					continue
				}
				name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				switch {
				case name == "-":
					continue
				case strings.Contains(opts, "inline") || f.Anonymous && name == "":
					walk(path, v.Field(i))
					continue
				case name == "":
					name = strings.ToLower(f.Name)
				}
				walk(joinPath(path, name), v.Field(i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
			for _, k := range keys {
				walk(fmt.Sprintf("%s[%v]", path, k), v.MapIndex(k))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.String:
			chars, err := fonts.Unprintable(v.String())
			if err != nil {
				return
			}
			for _, r := range chars {
				out = append(out, unprintable{path, r})
			}
		}
	}
	walk("", reflect.ValueOf(v))
	return out
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
