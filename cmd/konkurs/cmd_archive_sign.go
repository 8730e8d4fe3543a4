package main

import (
	"fmt"
	"os/user"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
)

type archiveSignOptions struct {
	By string
}

func init() {
	var opts archiveSignOptions
	cmd := &cobra.Command{
		Use:   "sign ID SIGNED-FILE",
		Short: "Store the signed scan or PDF of an archived protocol and lock it for the retention period",
		Long: `Store SIGNED-FILE (the signed scan or signed PDF) as the signed copy of the
generated document ID already in the archive (an ID from konkurs archive ls).
The copy records the original's SHA-256, who uploaded it (--by, default the
system user name) and when, and is locked for archive.retention_years: it can
then be neither overwritten nor deleted, through konkurs or directly through
the storage.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return runArchiveSign(cmd, opts, args[0], args[1]) },
	}
	cmd.Flags().StringVar(&opts.By, "by", "", "who uploads the signed copy (default: the system user name)")
	cmdArchive.AddCommand(cmd)
}

func runArchiveSign(cmd *cobra.Command, opts archiveSignOptions, id, file string) error {
	lang := archiveLang()
	by := opts.By
	if by == "" {
		if u, err := user.Current(); err == nil {
			by = u.Username
		}
	}
	a, err := openArchive(cmd.Context())
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.Sign(cmd.Context(), id, file, by)
	if err != nil {
		return archiveError(err)
	}
	key := "archive.sign.done"
	if res.AlreadySigned {
		key = "archive.sign.already"
	}
	_, err = fmt.Fprintln(cmd.OutOrStdout(), catalog.T(lang, key, "id", res.ID, "original", res.OriginalID,
		"mode", string(res.Mode), "until", res.RetainUntil.In(archiveZone()).Format("2006-01-02")))
	return err
}
