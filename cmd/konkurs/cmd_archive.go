package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
)

// archiveOptions are the flags every archive subcommand has.
type archiveOptions struct {
	URL  string
	Lang string
}

func (o *archiveOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.PersistentFlags()
	f.StringVar(&o.URL, "archive", "", "archive location: file:PATH or s3://HOST:PORT/BUCKET (default from the configuration or $KONKURS_ARCHIVE)")
	f.StringVar(&o.Lang, "lang", "", "language of messages: kk or ru (default from the configuration)")
}

var archiveOpts archiveOptions

var cmdArchive = &cobra.Command{
	Use:   "archive",
	Short: "Store, list, retrieve, verify and export documents, dossiers and signed protocols",
	Long: `The archive keeps everything konkurs produces: rendered documents, numbered
dossiers with their manifests, and signed copies of protocols and minutes,
under IDs that follow the procedure:

  COMPETITION/stage-N/application/APPLICATION/DOCUMENT/vVERSION/FILE
  COMPETITION/stage-N/protocol/DOCUMENT/vVERSION/FILE
  .../vVERSION/signed/FILE   (signed copy, locked for the retention period)

The archive is a local directory by default (file:konkurs-data/archive) or an
S3 bucket with Object Lock (s3://HOST:PORT/BUCKET, TLS on unless
?insecure=true); S3 credentials come only from AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY. Signed copies stay locked for archive.retention_years
(a configurable default of 10 years) in archive.retention_mode (GOVERNANCE or
COMPLIANCE).

Exit codes: 0 success, 2 invalid input, 1 any other failure (including
missing or corrupt objects found by verify and an invalid bag).`,
}

func init() {
	archiveOpts.AddFlags(cmdArchive)
	cmdRoot.AddCommand(groupCommand(cmdArchive))
}

// openArchive opens the configured archive (or --archive), creating it
// when missing: for the commands that write (put, sign).
func openArchive(ctx context.Context) (*archive.Archive, error) {
	return openArchiveWith(ctx, false)
}

// openExistingArchive opens the archive for a reading command (ls, get,
// verify, export): a missing archive is reported, never created. The
// error is kept as is (archive.IsNoArchive) for ls to say "empty".
func openExistingArchive(ctx context.Context) (*archive.Archive, error) {
	return openArchiveWith(ctx, true)
}

func openArchiveWith(ctx context.Context, mustExist bool) (*archive.Archive, error) {
	a, err := archive.OpenWith(ctx, archiveOpts.URL, globals.Config.Archive, archive.Options{TimeZone: archiveZone(), MustExist: mustExist})
	if err != nil {
		return nil, archiveError(err)
	}
	return a, nil
}

func archiveLang() catalog.Lang { return messageLang(archiveOpts.Lang) }

// localizedError shows an archive error in the user's language and keeps
// the cause for errors.Is.
type localizedError struct {
	msg string
	err error
}

func (e localizedError) Error() string { return e.msg }
func (e localizedError) Unwrap() error { return e.err }

// archiveError translates err and marks input errors for exit code 2.
func archiveError(err error) error {
	if err == nil {
		return nil
	}
	var ae *archive.Error
	if !errors.As(err, &ae) {
		return err
	}
	out := error(localizedError{msg: ae.Message(archiveLang()), err: err})
	if archive.IsInput(err) {
		return invalidInput(out)
	}
	return out
}

// humanBytes prints sizes for people: 1.5 MB.
func humanBytes(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// archiveLocation is where the archive is configured to be, for messages
// about an archive that is not there.
func archiveLocation() string {
	if archiveOpts.URL != "" {
		return archiveOpts.URL
	}
	return globals.Config.Archive.URL
}
