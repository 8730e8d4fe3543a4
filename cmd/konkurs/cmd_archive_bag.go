package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
)

type archiveExportOptions struct {
	BagIt     bool
	PerVolume bool
}

func init() {
	var opts archiveExportOptions
	cmd := &cobra.Command{
		Use:   "export --bagit ID DIR",
		Short: "Export a dossier or set as a BagIt bag (RFC 8493) for transfer to a state archive",
		Long: `Write the set ID (or a document's latest version, or one object) as a BagIt
bag in DIR, which must not exist: bagit.txt, data/, manifest-sha256.txt and
manifest-sha512.txt, bag-info.txt (Payload-Oxum, Bag-Count) and tag
manifests. With --per-volume, one bag per dossier volume (DIR/volume-01, …),
each with the dossier's manifest.json and Bag-Count "N of T".`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return runArchiveExport(cmd, opts, args[0], args[1]) },
	}
	cmd.Flags().BoolVar(&opts.BagIt, "bagit", false, "write a BagIt bag (the only export format)")
	cmd.Flags().BoolVar(&opts.PerVolume, "per-volume", false, "one bag per dossier volume")
	cmdArchive.AddCommand(cmd)

	cmdArchive.AddCommand(&cobra.Command{
		Use:   "validate-bag DIR",
		Short: "Check a BagIt bag: declaration, manifests, checksums, Payload-Oxum (exit 1 when invalid)",
		Args:  cobra.ExactArgs(1),
		RunE:  runValidateBag,
	})
}

func runArchiveExport(cmd *cobra.Command, opts archiveExportOptions, id, dir string) error {
	lang := archiveLang()
	if !opts.BagIt {
		return invalidInput(errors.New(catalog.T(lang, "archive.err.export_format", "id", id, "dir", dir)))
	}
	a, err := openExistingArchive(cmd.Context())
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.ExportBagIt(cmd.Context(), id, dir, archive.BagOptions{PerVolume: opts.PerVolume})
	if err != nil {
		return archiveError(err)
	}
	for _, b := range res.Bags {
		fmt.Fprintln(cmd.OutOrStdout(), catalog.T(lang, "archive.bag.written", "dir", b.Dir, "files", fmt.Sprint(b.Files), "bytes", humanBytes(b.Octets), "count", b.Count))
	}
	return nil
}

func runValidateBag(cmd *cobra.Command, args []string) error {
	lang := archiveLang()
	problems, err := archive.ValidateBag(args[0])
	if err != nil {
		return archiveError(err)
	}
	for _, p := range problems {
		fmt.Fprintln(cmd.OutOrStdout(), p.Message(lang))
	}
	if len(problems) > 0 {
		return localizedError{msg: catalog.T(lang, "archive.bag.invalid")}
	}
	_, err = fmt.Fprintln(cmd.OutOrStdout(), catalog.T(lang, "archive.bag.valid", "dir", args[0]))
	return err
}
