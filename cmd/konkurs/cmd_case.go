package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
)

type caseCheckOptions struct {
	Input string
	Lang  string
}

type caseRegisterOptions struct {
	Input       string
	Application string
	Number      string
	Date        string
	Time        string
	ReceivedBy  string
	HandedIn    []string
	Lang        string
}

func init() {
	cmd := groupCommand(&cobra.Command{
		Use:   "case",
		Short: "Work with a competition case file: check it, register applications",
	})

	var check caseCheckOptions
	checkCmd := &cobra.Command{
		Use:   "check",
		Short: "Check a whole case file against the rules; show what the procedure has reached",
		Long: `Check the case file: every field, every reference, and the consistency of
the procedure (returns, scores and the threshold, admissions, winners, the order
of dates), each problem naming the item of the rules and the entries involved.
Exit 0 when it is consistent, 2 when not. On success it lists the computed
outcome and which procedure documents can be rendered now.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runCaseCheck(cmd, check) },
	}
	checkCmd.Flags().StringVar(&check.Input, "input", "", "case file (YAML or JSON)")
	checkCmd.Flags().StringVar(&check.Lang, "lang", "", "language of messages: kk, ru or en (default from the configuration)")
	_ = checkCmd.MarkFlagRequired("input")

	var reg caseRegisterOptions
	regCmd := &cobra.Command{
		Use:   "register",
		Short: "Register a received application in the case file (items 9 and 13)",
		Long: `Record the registration of application ID: its number, date and time, who
received it and what was handed in (item 9: paper original, paper copy,
electronic copy). Registration after the stage's deadline is refused (item 13).
The case file is rewritten atomically; a YAML file keeps its comments and
layout (only the registration is added), a JSON file is re-encoded.
Nothing is written when any check fails.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runCaseRegister(cmd, reg) },
	}
	f := regCmd.Flags()
	f.StringVar(&reg.Input, "input", "", "case file (YAML or JSON), rewritten in place")
	f.StringVar(&reg.Application, "application", "", "application ID")
	f.StringVar(&reg.Number, "number", "", "registration number")
	f.StringVar(&reg.Date, "date", "", "registration date YYYY-MM-DD (default today)")
	f.StringVar(&reg.Time, "time", "", "registration time HH:MM (default now)")
	f.StringVar(&reg.ReceivedBy, "received-by", "", "full name of the person who received the application")
	f.StringSliceVar(&reg.HandedIn, "handed-in", []string{"original", "copy", "electronic"}, "what was handed in (item 9): original, copy, electronic")
	f.StringVar(&reg.Lang, "lang", "", "language of messages: kk, ru or en (default from the configuration)")
	for _, name := range []string{"input", "application", "number"} {
		_ = regCmd.MarkFlagRequired(name)
	}

	cmd.AddCommand(checkCmd, regCmd)
	cmdRoot.AddCommand(cmd)
}

func runCaseCheck(cmd *cobra.Command, opts caseCheckOptions) error {
	lang := messageLang(opts.Lang)
	if err := checkMessageLang(cmd.ErrOrStderr(), opts.Lang); err != nil {
		return err
	}
	cf, err := competition.Load(opts.Input)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	// A protocol whose sitting is recorded has been drawn up: the case file
	// must hold everything it needed (e.g. a check of every registered
	// application, items 15 and 31), or the record contradicts itself.
	held := &competition.ValidationError{File: opts.Input}
	for _, doc := range competition.ProcedureDocuments {
		if competition.PerApplication(doc) || cf.Proc().Meeting(doc) == nil {
			continue
		}
		held.Merge(cf.ReadyFor(doc, ""))
	}
	if err := held.Err(); err != nil {
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	w := cmd.OutOrStdout()
	fmt.Fprintln(w, catalog.T(lang, "cli.valid", "file", opts.Input))
	printOutcome(w, lang, cf)
	return nil
}

// printOutcome shows the computed state of the procedure and which
// documents are ready: what an organizer wants to know after a check.
func printOutcome(w io.Writer, lang catalog.Lang, cf *competition.CaseFile) {
	ids := func(apps []*competition.Application) string {
		if len(apps) == 0 {
			return "—"
		}
		s := make([]string, 0, len(apps))
		for _, a := range apps {
			s = append(s, a.ID)
		}
		return strings.Join(s, ", ")
	}
	for _, stage := range []int{1, 2} {
		st := strconv.Itoa(stage)
		fmt.Fprintln(w, catalog.T(lang, "cli.case.stage", "stage", st,
			"registered", ids(cf.Registered(stage)), "on", ids(cf.GoesOn(stage)), "returned", ids(cf.ReturnedAt(stage))))
	}
	if admitted, below, ok := cf.Admitted(); ok {
		list := func(r []competition.RankedApplication) string {
			if len(r) == 0 {
				return "—"
			}
			s := make([]string, 0, len(r))
			for _, x := range r {
				s = append(s, fmt.Sprintf("%s (%d)", x.Application.ID, x.Total))
			}
			return strings.Join(s, ", ")
		}
		fmt.Fprintln(w, catalog.T(lang, "cli.case.admitted", "min", strconv.Itoa(*cf.Proc().MinScore),
			"admitted", list(admitted), "below", list(below)))
	}
	if len(cf.Proc().Winners) > 0 {
		s := make([]string, 0, len(cf.Proc().Winners))
		for _, win := range cf.Proc().Winners {
			s = append(s, win.Application)
		}
		fmt.Fprintln(w, catalog.T(lang, "cli.case.winners", "winners", strings.Join(s, ", ")))
	}
	if out := cf.Outcome(); out.Failed {
		fmt.Fprintln(w, catalog.T(lang, "cli.case.failed", "stage", strconv.Itoa(out.Stage), "count", strconv.Itoa(len(out.Compliant))))
	}
	fmt.Fprintln(w, catalog.T(lang, "cli.case.documents"))
	for _, doc := range competition.ProcedureDocuments {
		if competition.PerApplication(doc) {
			fmt.Fprintln(w, catalog.T(lang, "cli.case.doc_per_application", "doc", doc))
			continue
		}
		if err := cf.ReadyFor(doc, ""); err != nil {
			if ve, ok := err.(*competition.ValidationError); ok && len(ve.Errors) > 0 {
				fmt.Fprintln(w, catalog.T(lang, "cli.case.doc_not_ready", "doc", doc, "why", ve.Errors[0].Message(lang)))
				continue
			}
		}
		fmt.Fprintln(w, catalog.T(lang, "cli.case.doc_ready", "doc", doc))
	}
}

func runCaseRegister(cmd *cobra.Command, opts caseRegisterOptions) error {
	lang := messageLang(opts.Lang)
	if err := checkMessageLang(cmd.ErrOrStderr(), opts.Lang); err != nil {
		return err
	}
	report := func(path, code string, args ...string) error {
		ve := &competition.ValidationError{File: opts.Input}
		ve.Add(path, code, args...)
		return reportInput(cmd.ErrOrStderr(), ve, lang)
	}
	cf, err := competition.Load(opts.Input)
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	reg, err := registrationFromFlags(opts, registrationClock(time.Now()))
	if err != nil {
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	a := cf.Application(opts.Application)
	if a == nil {
		return report("--application", "unknown_application", "id", opts.Application)
	}
	if a.Registration != nil {
		return report("--application", "case_already_registered", "id", a.ID,
			"number", a.Registration.Number, "date", a.Registration.Date.String())
	}
	for _, other := range cf.Applications {
		if other.Registration != nil && other.Registration.Number == reg.Number {
			return report("--number", "duplicate", "id", reg.Number, "first", other.ID)
		}
	}
	// Item 13: applications handed in after the deadline are not accepted.
	deadline := cf.Competition.Stage1Deadline
	if a.Stage == 2 {
		if cf.Competition.Stage2Deadline == nil {
			return report("competition.stage2_deadline", "case_no_stage2_deadline")
		}
		deadline = *cf.Competition.Stage2Deadline
	}
	if deadline.Before(reg.Date) {
		return report("--date", "item13", "date", reg.Date.String(), "deadline", deadline.String())
	}
	if reg.Date.Before(cf.Competition.AnnouncementDate) {
		return report("--date", "date_order", "date", reg.Date.String(),
			"other", "competition.announcement_date", "other_date", cf.Competition.AnnouncementDate.String())
	}
	if err := writeRegistration(opts.Input, a.ID, reg); err != nil {
		return reportInput(cmd.ErrOrStderr(), err, lang)
	}
	fmt.Fprintln(cmd.OutOrStdout(), catalog.T(lang, "cli.case.registered", "id", a.ID, "number", reg.Number,
		"date", reg.Date.String(), "time", reg.Time, "file", opts.Input))
	return nil
}

// registrationFromFlags builds the registration; date and time default to
// now. Every flag problem is reported at once, naming the flag.
func registrationFromFlags(opts caseRegisterOptions, now time.Time) (competition.Registration, error) {
	ve := &competition.ValidationError{File: opts.Input}
	reg := competition.Registration{Number: strings.TrimSpace(opts.Number), ReceivedBy: strings.TrimSpace(opts.ReceivedBy)}
	if reg.Number == "" {
		ve.Add("--number", "required")
	}
	reg.Date = competition.NewDate(now.Year(), now.Month(), now.Day())
	if opts.Date != "" {
		if d, err := competition.ParseDate(opts.Date); err != nil {
			ve.Add("--date", "invalid", "tag", fmt.Sprintf("%q → YYYY-MM-DD", opts.Date))
		} else {
			reg.Date = d
		}
	}
	reg.Time = now.Format("15:04")
	if opts.Time != "" {
		if _, err := time.Parse("15:04", opts.Time); err != nil || len(opts.Time) != 5 {
			ve.Add("--time", "hhmm")
		} else {
			reg.Time = opts.Time
		}
	}
	for _, h := range opts.HandedIn {
		switch strings.TrimSpace(h) {
		case "original":
			reg.PaperOriginal = true
		case "copy":
			reg.PaperCopy = true
		case "electronic":
			reg.Electronic = true
		case "":
		default:
			ve.Add("--handed-in", "oneof", "param", "original, copy, electronic")
		}
	}
	return reg, ve.Err()
}

// registrationClock is the time of a registration typed without --date or
// --time: the clock of the configured zone (Asia/Almaty), where the
// application is handed in, not the server's — at 20:00 UTC it is already
// tomorrow in Astana, and the date decides item 13's deadline.
func registrationClock(now time.Time) time.Time {
	loc, err := time.LoadLocation(globals.Config.Scheduler.TimeZone)
	if err != nil {
		return now
	}
	return now.In(loc)
}

var utf8BOM = []byte("\uFEFF")

// writeRegistration adds reg to the case file and replaces the file
// atomically (temporary file in the same directory, fsync, rename), keeping
// its permissions; nothing is written when the edited file breaks a rule.
func writeRegistration(path, id string, reg competition.Registration) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	// A file saved on Windows (byte-order mark, CRLF line endings) is
	// edited as LF text and written back as it came: otherwise every comment
	// line would gain a blank line and the whole file would change.
	bom := bytes.HasPrefix(data, utf8BOM)
	data = bytes.TrimPrefix(data, utf8BOM)
	crlf := bytes.Contains(data, []byte("\r\n"))
	if crlf {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	edited, err := competition.AddRegistration(data, path, id, reg)
	if err != nil {
		return err
	}
	if crlf {
		edited = bytes.ReplaceAll(edited, []byte("\n"), []byte("\r\n"))
	}
	if bom {
		edited = append(append([]byte(nil), utf8BOM...), edited...)
	}
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	return atomicfile.Write(path, edited, mode)
}
