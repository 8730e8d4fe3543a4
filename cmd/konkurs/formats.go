package main

import (
	"fmt"
	"io"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
)

// writersFor picks the writers for --format: pdf, docx or all.
func writersFor(format string) ([]document.Writer, error) {
	switch format {
	case "pdf":
		return []document.Writer{pdf.Writer{}}, nil
	case "docx":
		return []document.Writer{docx.Writer{}}, nil
	case "all", "":
		return []document.Writer{pdf.Writer{}, docx.Writer{}}, nil
	}
	return nil, invalidInput(flagProblem("--format", format, "pdf, docx, all"))
}

// documentLangs picks the document languages for --lang: kk, ru or all.
func documentLangs(lang string) ([]catalog.Lang, error) {
	switch lang {
	case "all", "":
		return catalog.DocumentLangs, nil
	case "kk":
		return []catalog.Lang{catalog.KK}, nil
	case "ru":
		return []catalog.Lang{catalog.RU}, nil
	}
	return nil, invalidInput(flagProblem("--lang", lang, "kk, ru, all"))
}

// messageLang is the language of messages: the one asked for when it is a
// single language, else the configured default.
func messageLang(lang string) catalog.Lang {
	if l, err := catalog.ParseLang(lang); err == nil {
		return l
	}
	if l, err := catalog.ParseLang(globals.Config.Lang); err == nil {
		return l
	}
	return catalog.KK
}

// flagProblem reports a flag value outside its choices as a validation
// problem, so that reportInput prints it in the user's language.
func flagProblem(flag, value, choices string) error {
	ve := &competition.ValidationError{}
	ve.Add(fmt.Sprintf("%s %q", flag, value), "oneof", "param", choices)
	return ve
}

// checkMessageLang refuses a --lang of messages that is not kk, ru or en,
// in the configured language; an empty flag means the configured default.
func checkMessageLang(stderr io.Writer, lang string) error {
	if lang == "" {
		return nil
	}
	if _, err := catalog.ParseLang(lang); err != nil {
		return reportInput(stderr, invalidInput(flagProblem("--lang", lang, "kk, ru, en")), messageLang(""))
	}
	return nil
}
