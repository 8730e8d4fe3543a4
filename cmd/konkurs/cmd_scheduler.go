package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"
	_ "time/tzdata" // Asia/Almaty without the system's tzdata

	"github.com/spf13/cobra"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/config"
	"github.com/konkurs/konkurs/pipeline/alert"
	"github.com/konkurs/konkurs/pipeline/calendar"
	"github.com/konkurs/konkurs/pipeline/deadline"
)

type schedulerOptions struct {
	CaseFiles string
	Once      bool
	Now       string // hidden: pretend the clock shows this time (tests, rehearsals)
}

func init() {
	var opts schedulerOptions
	cmd := &cobra.Command{
		Use:   "scheduler",
		Short: "Watch the deadlines of every competition and send alerts",
		Long: `Run the deadline watch: a check every hour and a daily digest at 09:00
Asia/Almaty (scheduler.check and scheduler.digest in the configuration).
Deadlines due within scheduler.horizon_working_days (default 3) and overdue
ones are sent to the configured sinks (log, webhook, email), each alert once;
what was sent is kept in the state file, so a restart sends nothing twice and
a digest missed while konkurs was down is sent at start.

--once runs one check (and any missed digest) and exits; exit code 1 when a
delivery failed (it stays pending for the next run).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runScheduler(cmd, opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.CaseFiles, "case-files", "", "folder of case files to watch (default scheduler.case_files)")
	f.BoolVar(&opts.Once, "once", false, "run one check and exit")
	f.StringVar(&opts.Now, "now", "", "pretend the current time is this RFC 3339 time")
	_ = f.MarkHidden("now")
	cmdRoot.AddCommand(cmd)
}

func runScheduler(cmd *cobra.Command, opts schedulerOptions) error {
	cfg := globals.Config
	lang := messageLang(cfg.Scheduler.Lang)
	if opts.CaseFiles != "" {
		cfg.Scheduler.CaseFiles = opts.CaseFiles
	}
	var clock func() time.Time
	if opts.Now != "" {
		t, err := time.Parse(time.RFC3339, opts.Now)
		if err != nil {
			return invalidInput(fmt.Errorf("--now: %w", err))
		}
		clock = func() time.Time { return t }
	}
	sc, err := newScheduler(cfg, cmd.ErrOrStderr(), clock)
	if err != nil {
		return schedulerError(err, lang)
	}
	out := cmd.OutOrStdout()
	if opts.Once {
		rep, err := sc.RunCheck(cmd.Context())
		if err != nil {
			return schedulerError(err, lang)
		}
		printSchedulerReport(out, lang, rep)
		if rep.Failed > 0 {
			// Exit 1 so a cron job or systemd timer running --once notices;
			// the failed deliveries stay pending for the next run.
			return errors.New(catalog.T(lang, "alert.error.failed", "count", fmt.Sprint(rep.Failed)))
		}
		return nil
	}
	if err := sc.Start(cmd.Context()); err != nil {
		return schedulerError(err, lang)
	}
	check, digest := sc.Next()
	fmt.Fprintln(out, catalog.T(lang, "alert.started", "dir", cfg.Scheduler.CaseFiles, "count", fmt.Sprint(countCaseFiles(cfg.Scheduler.CaseFiles)),
		"check", cfg.Scheduler.Check, "digest", cfg.Scheduler.Digest, "tz", cfg.Scheduler.TimeZone,
		"next_check", check.Format(time.RFC3339), "next_digest", digest.Format(time.RFC3339)))
	<-cmd.Context().Done()
	return nil
}

func printSchedulerReport(w io.Writer, lang catalog.Lang, rep alert.Report) {
	fmt.Fprintln(w, catalog.T(lang, "alert.checked", "competitions", fmt.Sprint(rep.Competitions),
		"alerts", fmt.Sprint(rep.Alerts), "delivered", fmt.Sprint(rep.Delivered), "failed", fmt.Sprint(rep.Failed)))
	for _, p := range rep.Problems {
		fmt.Fprintln(w, catalog.T(lang, "alert.digest.problem", "source", p.Source, "error", p.Error))
	}
}

// configError is a scheduler configuration problem, shown in the user's language.
type configError struct {
	key  string
	args []string
}

func (e *configError) Error() string                 { return catalog.T(catalog.EN, e.key, e.args...) }
func (e *configError) Text(lang catalog.Lang) string { return catalog.T(lang, e.key, e.args...) }

// schedulerError renders configuration and state problems in lang (exit 2).
func schedulerError(err error, lang catalog.Lang) error {
	var t interface{ Text(catalog.Lang) string }
	if errors.As(err, &t) {
		return invalidInput(errors.New(t.Text(lang)))
	}
	return err
}

// newScheduler builds the deadline watch from the configuration; konkurs
// serve starts the same scheduler. clock is nil for the real time.
func newScheduler(cfg config.Config, stderr io.Writer, clock func() time.Time) (*alert.Scheduler, error) {
	sc := cfg.Scheduler
	loc, err := time.LoadLocation(sc.TimeZone)
	if err != nil {
		return nil, &configError{"alert.error.time_zone", []string{"value", sc.TimeZone}}
	}
	if sc.CaseFiles == "" {
		return nil, &configError{"alert.error.case_files", nil}
	}
	if _, err := os.ReadDir(sc.CaseFiles); err != nil {
		return nil, &configError{"alert.error.folder", []string{"dir", sc.CaseFiles, "detail", err.Error()}}
	}
	cal, err := calendar.Load(cfg.Calendar.File)
	if err != nil {
		return nil, err
	}
	sinks, err := schedulerSinks(sc, stderr, clock)
	if err != nil {
		return nil, err
	}
	statePath := sc.StateFile
	if statePath == "" {
		statePath = filepath.Join(cfg.DataDir, "scheduler", "state.json")
	}
	lang := messageLang(sc.Lang)
	return alert.New(alert.Options{
		Source:     alert.FolderSource{Dir: sc.CaseFiles},
		Sinks:      sinks,
		Evaluator:  deadline.Evaluator{Calendar: cal, Horizon: sc.HorizonWorkingDays},
		Location:   loc,
		CheckSpec:  sc.Check,
		DigestSpec: sc.Digest,
		StatePath:  statePath,
		Lang:       lang,
		Logger:     slog.New(slog.NewJSONHandler(stderr, nil)),
		Now:        clock,
	})
}

func schedulerSinks(sc config.SchedulerConfig, stderr io.Writer, clock func() time.Time) ([]alert.Sink, error) {
	var sinks []alert.Sink
	if sc.Log.Enabled {
		w := stderr
		if sc.Log.File != "" {
			f, err := os.OpenFile(sc.Log.File, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
			if err != nil {
				return nil, err
			}
			w = f // kept open for the life of the process
		}
		sinks = append(sinks, alert.LogSink{Logger: slog.New(slog.NewJSONHandler(w, nil))})
	}
	if wh := sc.Webhook; wh.URL != "" {
		secret := wh.WebhookSecret()
		if secret == "" {
			return nil, &configError{"alert.error.webhook_secret", []string{"env", wh.SecretEnv}}
		}
		sinks = append(sinks, &alert.WebhookSink{URL: wh.URL, Secret: []byte(secret),
			Client: &http.Client{Timeout: wh.Timeout}, Attempts: wh.Attempts, Backoff: wh.Backoff})
	}
	if em := sc.Email; em.Addr != "" {
		if em.From == "" || len(em.To) == 0 {
			return nil, &configError{"alert.error.email", nil}
		}
		sinks = append(sinks, &alert.EmailSink{Addr: em.Addr, From: em.From, To: em.To,
			Username: em.Username, Password: em.SMTPPassword(), DigestOnly: em.DigestOnly, Now: clock})
	}
	if len(sinks) == 0 {
		return nil, &configError{"alert.error.no_sinks", nil}
	}
	return sinks, nil
}

func countCaseFiles(dir string) int {
	n := 0
	for _, ext := range []string{"*.yaml", "*.yml", "*.json"} {
		m, _ := filepath.Glob(filepath.Join(dir, ext))
		n += len(m)
	}
	return n
}
