package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
)

type archiveLsOptions struct {
	Competition string
	Stage       int
	Application string
	Kind        string
	Document    string
	SHA256      string
	From, To    string
	Signed      bool
	Unsigned    bool
	All         bool
	JSON        bool
}

func (o *archiveLsOptions) AddFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.Competition, "competition", "", "only this competition")
	f.IntVar(&o.Stage, "stage", 0, "only this stage (1 or 2)")
	f.StringVar(&o.Application, "application", "", "only this application")
	f.StringVar(&o.Kind, "kind", "", "only this document kind")
	f.StringVar(&o.Document, "document", "", "only this document (e.g. dossier, minutes-stage1)")
	f.StringVar(&o.SHA256, "sha256", "", "only objects with this content: a SHA-256 or its first 8+ hex digits (is this file archived, and where?)")
	f.StringVar(&o.From, "from", "", "archived on or after this date (YYYY-MM-DD)")
	f.StringVar(&o.To, "to", "", "archived on or before this date (YYYY-MM-DD)")
	f.BoolVar(&o.Signed, "signed", false, "only signed copies")
	f.BoolVar(&o.Unsigned, "unsigned", false, "only unsigned objects")
	f.BoolVar(&o.All, "all", false, "include the sets' own manifests")
	f.BoolVar(&o.JSON, "json", false, "print a JSON array: id, kind, competition, stage, application, document, version, file, role, sha256, size, signed, retain_until, archived_at, uploaded_by, original_id, original_sha256")
}

func init() {
	var opts archiveLsOptions
	cmd := &cobra.Command{
		Use:   "ls",
		Short: "List archived objects, filtered by competition, stage, application, kind, date or signature",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runArchiveLs(cmd, opts) },
	}
	opts.AddFlags(cmd)
	cmdArchive.AddCommand(cmd)
}

func runArchiveLs(cmd *cobra.Command, opts archiveLsOptions) error {
	lang := archiveLang()
	f := archive.Filter{Competition: opts.Competition, Stage: opts.Stage, Application: opts.Application, Kind: opts.Kind, Document: opts.Document, SHA256: strings.ToLower(opts.SHA256), Manifests: opts.All}
	var err error
	if f.From, err = parseDay(lang, "from", opts.From, false); err != nil {
		return err
	}
	if f.To, err = parseDay(lang, "to", opts.To, true); err != nil {
		return err
	}
	if opts.Signed && opts.Unsigned {
		return invalidInput(errors.New(catalog.T(lang, "archive.err.flags_exclusive", "first", "signed", "second", "unsigned")))
	}
	if opts.Signed || opts.Unsigned {
		f.Signed = &opts.Signed
	}
	if err := f.Validate(); err != nil {
		return archiveError(err)
	}
	a, err := openExistingArchive(cmd.Context())
	if archive.IsNoArchive(err) {
		// Nothing archived yet is an answer, not a failure.
		if opts.JSON {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), "[]")
			fmt.Fprintln(cmd.ErrOrStderr(), catalog.T(lang, "archive.ls.no_archive", "location", archiveLocation()))
			return err
		}
		fmt.Fprintln(cmd.ErrOrStderr(), catalog.T(lang, "archive.ls.no_archive", "location", archiveLocation()))
		return nil
	}
	if err != nil {
		return err
	}
	defer a.Close()
	entries, err := a.List(cmd.Context(), f)
	if err != nil {
		return archiveError(err)
	}
	w := cmd.OutOrStdout()
	if opts.JSON {
		if entries == nil {
			entries = []archive.Entry{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	if len(entries) == 0 {
		key := "archive.ls.empty"
		if f == (archive.Filter{Manifests: f.Manifests}) {
			key = "archive.ls.archive_empty"
		}
		fmt.Fprintln(cmd.ErrOrStderr(), catalog.T(lang, key, "location", a.Location()))
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", catalog.T(lang, "archive.ls.id"), catalog.T(lang, "archive.ls.kind"),
		catalog.T(lang, "archive.ls.size"), catalog.T(lang, "archive.ls.archived"), catalog.T(lang, "archive.ls.signed"),
		catalog.T(lang, "archive.ls.retain"), catalog.T(lang, "archive.ls.sha256"))
	for _, e := range entries {
		signed, until := catalog.T(lang, "archive.ls.no"), "-"
		if e.Signed {
			signed = catalog.T(lang, "archive.ls.yes")
		}
		if e.RetainUntil != nil {
			until = e.RetainUntil.In(archiveZone()).Format("2006-01-02")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Kind, humanBytes(e.Size), e.ArchivedAt.In(archiveZone()).Format("2006-01-02"), signed, until, e.SHA256[:min(12, len(e.SHA256))])
	}
	return tw.Flush()
}

// archiveZone is the configured time zone (Asia/Almaty by default): dates
// typed and shown by archive staff are local dates, not UTC ones.
func archiveZone() *time.Location {
	if loc, err := time.LoadLocation(globals.Config.Scheduler.TimeZone); err == nil && globals.Config.Scheduler.TimeZone != "" {
		return loc
	}
	loc, _ := time.LoadLocation(archive.DefaultTimeZone)
	return loc
}

// parseDay reads YYYY-MM-DD in the configured zone; endOfDay makes --to
// inclusive.
func parseDay(lang catalog.Lang, flag, v string, endOfDay bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", v, archiveZone())
	if err != nil {
		return t, invalidInput(errors.New(catalog.T(lang, "archive.flag.date", "flag", flag, "value", v)))
	}
	if endOfDay {
		t = t.Add(24*time.Hour - time.Nanosecond)
	}
	return t, nil
}
