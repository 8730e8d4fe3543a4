package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/render"
	"github.com/konkurs/konkurs/templates"
)

type renderOptions struct {
	Input       string
	Application string
	Lang        string
	Format      string
	Out         string
	Blank       bool
}

func init() {
	var opts renderOptions
	cmd := &cobra.Command{
		Use:   "render DOC",
		Short: "Render a document in Kazakh and Russian as PDF and DOCX",
		Long: `Render document DOC (see "konkurs docs") from its input file into
DIR/DOC.LANG.FORMAT. With --blank, render the official blank form that
applicants fill in by hand. Nothing is written unless every file renders.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runRender(cmd, opts, args[0]) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.Input, "input", "", "input file (YAML or JSON): the form's data or the competition case file")
	f.StringVar(&opts.Application, "application", "", "application ID in the case file, for per-application documents")
	f.StringVar(&opts.Lang, "lang", "all", "document language: kk, ru or all")
	f.StringVar(&opts.Format, "format", "all", "output format: pdf, docx or all")
	f.StringVar(&opts.Out, "out", "out", "output directory")
	f.BoolVar(&opts.Blank, "blank", false, "render the blank form (no input)")
	cmdRoot.AddCommand(cmd)
}

func runRender(cmd *cobra.Command, opts renderOptions, kindName string) error {
	msgLang := messageLang(opts.Lang)
	kind, err := templates.Lookup(kindName)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, msgLang)
	}
	langs, err := documentLangs(opts.Lang)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, msgLang)
	}
	writers, err := writersFor(opts.Format)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, msgLang)
	}
	var input any
	switch {
	case opts.Blank && !kind.Blankable:
		ve := &competition.ValidationError{}
		ve.Add("--blank", "no_blank_form", "kind", kind.Name)
		return reportInput(cmd.ErrOrStderr(), ve, msgLang)
	case opts.Blank && opts.Input != "":
		// Rendering the empty form and ignoring the input the user gave
		// would hand them a blank where they expected their data.
		ve := &competition.ValidationError{}
		ve.Add("--blank", "blank_with_input", "file", opts.Input)
		return reportInput(cmd.ErrOrStderr(), ve, msgLang)
	case opts.Blank:
		input = kind.NewInput()
	case opts.Input == "":
		ve := &competition.ValidationError{}
		ve.Add("--input", "required")
		return reportInput(cmd.ErrOrStderr(), ve, msgLang)
	default:
		if input, err = templates.LoadInput(kind, opts.Input, opts.Application); err != nil {
			err = explainCaseFileInput(kind, opts.Input, opts.Application, err)
			return reportInput(cmd.ErrOrStderr(), err, msgLang)
		}
	}
	outs, err := render.Run(cmd.Context(), render.Jobs(kind, input, langs, writers, opts.Blank), 0)
	if err != nil {
		return reportRenderError(cmd.ErrOrStderr(), err, msgLang, kind, opts.Input, opts.Application, input)
	}
	if err := render.WriteAll(opts.Out, outs); err != nil {
		return err
	}
	for _, o := range outs {
		if o.Pages > 0 {
			fmt.Fprintf(cmd.OutOrStdout(), "%s/%s\t%d %s\n", opts.Out, o.Name, o.Pages, pagesWord(msgLang, o.Pages))
		} else {
			fmt.Fprintf(cmd.OutOrStdout(), "%s/%s\n", opts.Out, o.Name)
		}
	}
	return nil
}
