package main

import (
	"errors"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/templates"
)

// explainCaseFileInput turns the problems of a form's input that is really
// a competition case file given without --application — which the form's
// decoder reports as one unknown field per top-level key of the case file
// — into the one thing that is missing: the application to take the form
// from.
func explainCaseFileInput(kind *templates.Kind, path, application string, err error) error {
	if kind.FromCaseFile == nil || kind.CaseFileInput || application != "" {
		return err
	}
	var ve *competition.ValidationError
	if !errors.As(err, &ve) || len(ve.Errors) == 0 {
		return err
	}
	unknownFields := false
	for _, e := range ve.Errors {
		unknownFields = unknownFields || e.Code == "unknown_field"
	}
	if !unknownFields {
		return err
	}
	// The file decodes cleanly as a case file: it is one.
	var cf competition.CaseFile
	if competition.ReadFile(path, &cf) != nil {
		return err
	}
	hint := &competition.ValidationError{File: path}
	hint.Add("--application", "proc_application_needed")
	return hint
}
