package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
)

type archivePutOptions struct {
	Competition string
	Stage       int
	Application string
	Document    string
	Kind        string
	JSON        bool
}

func (o *archivePutOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.Competition, "competition", "", "competition ID (default from a dossier's manifest.json)")
	f.IntVar(&o.Stage, "stage", 0, "stage: 1 or 2 (default from a dossier's manifest.json)")
	f.StringVar(&o.Application, "application", "", "application ID; leave out for protocols and minutes of the stage")
	f.StringVar(&o.Document, "document", "", "document name in the archive (default: dossier, the directory's or the first file's name)")
	f.StringVar(&o.Kind, "kind", "", "document kind for ls filters, e.g. annex1, minutes (default: dossier, documents or document)")
	f.BoolVar(&o.JSON, "json", false, "print the result as JSON")
}

func init() {
	var opts archivePutOptions
	cmd := &cobra.Command{
		Use:   "put DIR | FILE...",
		Short: "Store a dossier directory, a directory of documents, or files",
		Long: `Store a numbered dossier (a directory with manifest.json: its volumes are
checked against the manifest's SHA-256 while they upload), a directory of
documents, or files, as the next version of one document. The set's own
manifest is written last, so an interrupted put never leaves a manifest that
points to missing files; running the same command again completes it without
sending again what is already stored.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runArchivePut(cmd, opts, args) },
	}
	opts.AddFlags(cmd)
	cmdArchive.AddCommand(cmd)
}

func runArchivePut(cmd *cobra.Command, opts archivePutOptions, args []string) error {
	lang := archiveLang()
	var dirs []string
	for _, a := range args {
		if isDir(a) {
			dirs = append(dirs, a)
		}
	}
	if len(dirs) > 0 && len(args) != 1 {
		return invalidInput(errors.New(catalog.T(lang, "archive.err.put_args", "dirs", strings.Join(dirs, ", "))))
	}
	a, err := openArchive(cmd.Context())
	if err != nil {
		return err
	}
	defer a.Close()
	spec := archive.SetSpec{
		Address: archive.Address{Competition: opts.Competition, Stage: opts.Stage, Application: opts.Application, Document: opts.Document},
		Kind:    opts.Kind,
	}
	var res archive.PutResult
	if len(dirs) == 1 {
		res, err = a.PutDir(cmd.Context(), args[0], spec)
	} else {
		res, err = a.PutFiles(cmd.Context(), args, spec)
	}
	if err != nil {
		return archiveError(err)
	}
	if opts.JSON {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return printPutResult(cmd, lang, res)
}

func printPutResult(cmd *cobra.Command, lang catalog.Lang, res archive.PutResult) error {
	w := cmd.OutOrStdout()
	if res.AlreadyArchived {
		_, err := fmt.Fprintln(w, catalog.T(lang, "archive.put.already", "id", res.ID))
		return err
	}
	_, err := fmt.Fprintln(w, catalog.T(lang, "archive.put.done", "id", res.ID,
		"uploaded", fmt.Sprint(res.Uploaded), "skipped", fmt.Sprint(res.Skipped)))
	return err
}
