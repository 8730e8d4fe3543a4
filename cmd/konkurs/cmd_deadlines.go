package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	_ "time/tzdata" // Asia/Almaty without the system's tzdata

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/calendar"
	"github.com/konkurs/konkurs/pipeline/deadline"
)

type deadlinesOptions struct {
	Input  string
	At     string
	Format string
	Lang   string
}

func init() {
	var opts deadlinesOptions
	cmd := &cobra.Command{
		Use:   "deadlines",
		Short: "Show every deadline of a competition: due dates and status",
		Long: `Compute every time limit of the rules (items 5–42) from a competition's
case file on Kazakhstan's working-day calendar: trigger date, due date,
status (met, late, open, due_soon, overdue, not_triggered, closed),
responsible party and item.

--format json prints an array of objects for scripts: item, trigger, due
(YYYY-MM-DD, "" when not triggered), period, unit (working_days,
calendar_days, months, set_date), status, party, and texts in --lang.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runDeadlines(cmd, opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.Input, "input", "", "case file (YAML or JSON)")
	f.StringVar(&opts.At, "at", "", "evaluate as of this date, YYYY-MM-DD (default today in the configured time zone)")
	f.StringVar(&opts.Format, "format", "table", "table or json")
	f.StringVar(&opts.Lang, "lang", "", "language: kk or ru (default from the configuration)")
	_ = cmd.MarkFlagRequired("input")
	cmdRoot.AddCommand(cmd)
	demoSteps = append(demoSteps, demoStep{order: 40, run: demoDeadlines})
}

func runDeadlines(cmd *cobra.Command, opts deadlinesOptions) error {
	lang := messageLang(opts.Lang)
	if err := checkMessageLang(cmd.ErrOrStderr(), opts.Lang); err != nil {
		return err
	}
	if opts.Format != "table" && opts.Format != "json" {
		return invalidInput(errors.New(catalog.T(lang, "deadline.error.format", "value", opts.Format)))
	}
	at, err := evaluationDate(opts.At)
	if err != nil {
		return invalidInput(errors.New(catalog.T(lang, "deadline.error.at", "value", opts.At)))
	}
	cf, err := competition.Load(opts.Input)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	ds, err := evaluateCaseFile(cf, at)
	if err != nil {
		return deadlineError(cmd.ErrOrStderr(), err, lang)
	}
	id := cf.Competition.ID
	if opts.Format == "json" {
		return writeDeadlinesJSON(cmd.OutOrStdout(), id, ds, lang)
	}
	return writeDeadlinesTable(cmd.OutOrStdout(), id, at, ds, lang)
}

func evaluateCaseFile(cf *competition.CaseFile, at calendar.Date) ([]deadline.Deadline, error) {
	cal, err := calendar.Load(globals.Config.Calendar.File)
	if err != nil {
		return nil, err
	}
	ev := deadline.Evaluator{Calendar: cal, Horizon: globals.Config.Scheduler.HorizonWorkingDays}
	return ev.Evaluate(deadline.FromCaseFile(cf), at)
}

// evaluationDate parses --at, or gives today in the configured time zone.
func evaluationDate(s string) (calendar.Date, error) {
	if s != "" {
		return calendar.ParseDate(s)
	}
	loc, err := time.LoadLocation(globals.Config.Scheduler.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	return calendar.DateOf(time.Now().In(loc)), nil
}

// deadlineError prints the user's problems in lang (dates out of order, a
// bad calendar file, a date the calendar does not cover) and exits with 2.
func deadlineError(stderr io.Writer, err error, lang catalog.Lang) error {
	var oe *deadline.OrderError
	if errors.As(err, &oe) {
		for _, line := range oe.Lines(lang) {
			fmt.Fprintln(stderr, line)
		}
		return invalidInput(errReported)
	}
	var fe calendar.FileErrors
	if errors.As(err, &fe) {
		fmt.Fprintln(stderr, fe.Text(lang))
		return invalidInput(errReported)
	}
	var ce *calendar.Error
	if errors.As(err, &ce) {
		return invalidInput(errors.New(ce.Text(lang)))
	}
	return err
}

func writeDeadlinesJSON(w io.Writer, id string, ds []deadline.Deadline, lang catalog.Lang) error {
	recs := make([]deadline.Record, len(ds))
	for i, d := range ds {
		recs[i] = d.Record(id, lang)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(recs)
}

func writeDeadlinesTable(w io.Writer, id string, at calendar.Date, ds []deadline.Deadline, lang catalog.Lang) error {
	fmt.Fprintln(w, catalog.T(lang, "deadline.table.competition", "id", id, "date", at.String()))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := []string{"item", "status", "due", "trigger", "done", "period", "party", "text"}
	for i, h := range head {
		head[i] = catalog.T(lang, "deadline.table."+h)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	review, provisional := false, false
	for _, d := range ds {
		r := d.Record(id, lang)
		item := r.Item
		if r.LegalReview {
			item += "*"
			review = true
		}
		due := dash(r.Due)
		if r.Provisional {
			due += "†"
			provisional = true
		}
		text := r.Text
		if r.Application != "" {
			text = catalog.T(lang, "deadline.table.application", "application", r.Application) + ": " + text
		}
		fmt.Fprintln(tw, strings.Join([]string{item, r.StatusText, due, dash(r.Trigger), dash(r.Done),
			r.PeriodText, r.PartyText, text}, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if review {
		fmt.Fprintln(w, catalog.T(lang, "deadline.table.legal_review"))
	}
	if provisional {
		fmt.Fprintln(w, catalog.T(lang, "deadline.table.provisional"))
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// demoDeadlines prints the example competition's deadlines as of today.
func demoDeadlines(cmd *cobra.Command, d *demoRun) error {
	cf, err := competition.Load(filepath.Join(d.examples, "competition.yaml"))
	if err != nil {
		return fmt.Errorf("demo: example case file: %w", err)
	}
	at, _ := evaluationDate("")
	ds, err := evaluateCaseFile(cf, at)
	if err != nil {
		return deadlineError(cmd.ErrOrStderr(), err, d.lang)
	}
	fmt.Fprintln(cmd.OutOrStdout())
	return writeDeadlinesTable(cmd.OutOrStdout(), cf.Competition.ID, at, ds, d.lang)
}
