package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
)

type archiveGetOptions struct {
	Out    string
	Force  bool
	Signed bool
}

func init() {
	var opts archiveGetOptions
	cmd := &cobra.Command{
		Use:   "get ID",
		Short: "Retrieve an object, a set or a document's latest version, checking SHA-256",
		Long: `Write the object ID, or every file of a set (ID ending in /vN), or of a
document's latest version (ID without /vN), into --out. Each file is checked
against its recorded SHA-256 while it streams and appears only when it
matches; a corrupt object is reported and nothing is written for it.
Files already in --out are not replaced unless --force is given (exit 2,
naming the file, before anything is written). When a document has a signed
copy (konkurs archive sign), its ID is printed; --signed retrieves the
signed copy instead of the generated original.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runArchiveGet(cmd, opts, args[0]) },
	}
	cmd.Flags().StringVar(&opts.Out, "out", ".", "directory to write into")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "replace files that already exist in --out")
	cmd.Flags().BoolVar(&opts.Signed, "signed", false, "retrieve the signed copies instead of the generated originals")
	cmdArchive.AddCommand(cmd)

	verify := &cobra.Command{
		Use:   "verify [PREFIX]",
		Short: "Recompute every hash; report missing and corrupt objects (exit 1 when any)",
		Args:  cobra.MaximumNArgs(1),
		RunE:  runArchiveVerify,
	}
	verify.Flags().Bool("json", false, "print the report as JSON: prefix, checked, bytes, problems[] (id, problem, detail)")
	cmdArchive.AddCommand(verify)
}

func runArchiveGet(cmd *cobra.Command, opts archiveGetOptions, id string) error {
	lang := archiveLang()
	a, err := openExistingArchive(cmd.Context())
	if err != nil {
		return err
	}
	defer a.Close()
	got, err := a.GetWith(cmd.Context(), id, opts.Out, archive.GetOptions{Force: opts.Force, Signed: opts.Signed})
	for _, r := range got {
		fmt.Fprintln(cmd.OutOrStdout(), catalog.T(lang, "archive.get.done", "path", r.Path))
		for _, s := range r.SignedCopies {
			fmt.Fprintln(cmd.OutOrStdout(), catalog.T(lang, "archive.get.signed_copy", "id", r.ID, "signed", s, "arg", commandArg(r.ID)))
		}
	}
	return archiveError(err)
}

func runArchiveVerify(cmd *cobra.Command, args []string) error {
	lang := archiveLang()
	prefix := ""
	if len(args) == 1 {
		prefix = args[0]
	}
	a, err := openExistingArchive(cmd.Context())
	if err != nil {
		return err
	}
	defer a.Close()
	rep, err := a.Verify(cmd.Context(), prefix)
	if err != nil {
		return archiveError(err)
	}
	for i := range rep.Problems {
		rep.Problems[i].Detail = rep.Problems[i].Describe(lang)
	}
	w := cmd.OutOrStdout()
	if asJSON, _ := cmd.Flags().GetBool("json"); asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if rep.Problems == nil {
			rep.Problems = []archive.Problem{}
		}
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			fmt.Fprintf(w, "%s\t%s\t%s\n", catalog.T(lang, "archive.problem."+p.Kind), p.ID, p.Detail)
		}
		if rep.OK() && rep.Checked == 0 {
			fmt.Fprintln(w, catalog.T(lang, "archive.verify.empty", "location", a.Location()))
		} else if rep.OK() {
			fmt.Fprintln(w, catalog.T(lang, "archive.verify.ok", "checked", fmt.Sprint(rep.Checked), "bytes", humanBytes(rep.Bytes)))
		} else {
			fmt.Fprintln(w, catalog.T(lang, "archive.verify.bad", "checked", fmt.Sprint(rep.Checked), "problems", fmt.Sprint(len(rep.Problems))))
		}
	}
	if !rep.OK() {
		return localizedError{msg: strings.TrimSpace(catalog.T(lang, "archive.verify.failed"))}
	}
	return nil
}

// commandArg writes an ID as it must be typed in a command: file names in
// IDs may hold spaces.
func commandArg(id string) string {
	if strings.ContainsAny(id, " '") {
		return `"` + id + `"`
	}
	return id
}
