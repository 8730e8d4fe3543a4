package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/pipeline/render"
	"github.com/konkurs/konkurs/templates"
)

type validateOptions struct {
	Input       string
	Application string
	Lang        string
}

func init() {
	var opts validateOptions
	cmd := &cobra.Command{
		Use:   "validate DOC",
		Short: "Check a document's input; list every problem",
		Long: `Check the input of document DOC. Exit 0 when it is valid; exit 2 when
not, with one line per problem on stderr naming the field and what is wrong.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runValidate(cmd, opts, args[0]) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.Input, "input", "", "input file (YAML or JSON)")
	f.StringVar(&opts.Application, "application", "", "application ID in the case file, for per-application documents")
	f.StringVar(&opts.Lang, "lang", "", "language of messages: kk, ru or en (default from the configuration)")
	_ = cmd.MarkFlagRequired("input")
	cmdRoot.AddCommand(cmd)
}

func runValidate(cmd *cobra.Command, opts validateOptions, kindName string) error {
	lang := messageLang(opts.Lang)
	if err := checkMessageLang(cmd.ErrOrStderr(), opts.Lang); err != nil {
		return err
	}
	kind, err := templates.Lookup(kindName)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	input, err := templates.LoadInput(kind, opts.Input, opts.Application)
	if err != nil {
		err = explainCaseFileInput(kind, opts.Input, opts.Application, err)
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	if check, ok := input.(interface{ CheckLayout() error }); ok {
		// Some rules (e.g. a page limit) can only be checked on the laid-out document.
		if err := check.CheckLayout(); err != nil {
			return reportInput(cmd.ErrOrStderr(), err, lang)
		}
	}
	// An input that validates must also render: a character the fonts cannot
	// print, or a procedure document the case file is not ready for, shows
	// only when the document is laid out. The PDFs are discarded.
	jobs := render.Jobs(kind, input, catalog.DocumentLangs, []document.Writer{pdf.Writer{}}, false)
	if _, err := render.Run(cmd.Context(), jobs, 0); err != nil {
		return reportRenderError(cmd.ErrOrStderr(), err, lang, kind, opts.Input, opts.Application, input)
	}
	fmt.Fprintln(cmd.OutOrStdout(), catalog.T(lang, "cli.valid", "file", opts.Input))
	return nil
}
