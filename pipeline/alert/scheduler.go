package alert

import (
	"context"
	"errors"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Asia/Almaty on machines without the tz database

	"github.com/robfig/cron/v3"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/calendar"
	"github.com/konkurs/konkurs/pipeline/deadline"
)

// Options configure a Scheduler.
type Options struct {
	Source    Source
	Sinks     []Sink
	Evaluator deadline.Evaluator
	Location  *time.Location // time zone of the cron specs and of "today"
	// CheckSpec and DigestSpec are standard 5-field cron specs.
	CheckSpec, DigestSpec string
	StatePath             string
	Lang                  catalog.Lang
	Logger                *slog.Logger
	// Now is the clock; tests inject a fixed one. Default time.Now.
	Now func() time.Time
}

// Scheduler runs the deadline check and the daily digest. konkurs serve and
// konkurs scheduler both use it: New, then Start; it stops with the context.
type Scheduler struct {
	o             Options
	check, digest cron.Schedule
	mu            sync.Mutex // one job at a time: they share the state
	st            *state
	cron          *cron.Cron
}

// Report says what one check did.
type Report struct {
	Competitions int
	Alerts       int // alerts raised (due soon or overdue)
	Delivered    int // deliveries made now (alert × sink)
	Failed       int // deliveries that failed and stay pending
	Digest       bool
	Problems     []Problem
}

// New checks the options and loads the state file.
func New(o Options) (*Scheduler, error) {
	if o.Location == nil {
		o.Location = time.UTC
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Lang == "" {
		o.Lang = catalog.KK
	}
	s := &Scheduler{o: o}
	var err error
	if s.check, err = cron.ParseStandard(o.CheckSpec); err != nil {
		return nil, &SpecError{Field: "check", Value: o.CheckSpec, Detail: err.Error()}
	}
	if s.digest, err = cron.ParseStandard(o.DigestSpec); err != nil {
		return nil, &SpecError{Field: "digest", Value: o.DigestSpec, Detail: err.Error()}
	}
	if s.st, err = loadState(o.StatePath); err != nil {
		return nil, err
	}
	if s.st.LastDigest.IsZero() {
		// First start: the watch begins now; no digest is owed for the past.
		s.st.LastDigest = s.now()
		if err := s.st.save(o.StatePath); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// SpecError is a cron spec that does not parse.
type SpecError struct{ Field, Value, Detail string }

func (e *SpecError) Error() string { return e.Text(catalog.EN) }
func (e *SpecError) Text(lang catalog.Lang) string {
	return catalog.T(lang, "alert.error.spec", "field", e.Field, "value", e.Value, "detail", e.Detail)
}

func (s *Scheduler) now() time.Time { return s.o.Now().In(s.o.Location) }

// Next returns the next check and digest times after the clock's now.
func (s *Scheduler) Next() (check, digest time.Time) {
	now := s.now()
	return s.check.Next(now), s.digest.Next(now)
}

// Start catches up (a check, and the digest if a scheduled one was missed
// while konkurs was down), then runs the cron jobs until ctx ends.
func (s *Scheduler) Start(ctx context.Context) error {
	if _, err := s.RunCheck(ctx); err != nil {
		return err
	}
	s.cron = cron.New(cron.WithLocation(s.o.Location))
	job := func(name string, run func(context.Context) error) func() {
		return func() {
			if err := run(ctx); err != nil {
				s.o.Logger.Error("scheduler job failed", slog.String("job", name), slog.String("error", err.Error()))
			}
		}
	}
	if _, err := s.cron.AddFunc(s.o.CheckSpec, job("check", func(ctx context.Context) error {
		_, err := s.RunCheck(ctx)
		return err
	})); err != nil {
		return err
	}
	if _, err := s.cron.AddFunc(s.o.DigestSpec, job("digest", s.RunDigest)); err != nil {
		return err
	}
	s.cron.Start()
	go func() {
		<-ctx.Done()
		s.Stop()
	}()
	return nil
}

// Stop stops the cron jobs and waits for a running one to finish.
func (s *Scheduler) Stop() {
	if s.cron != nil {
		<-s.cron.Stop().Done()
	}
}

// RunCheck evaluates every watched competition, delivers each alert not yet
// delivered to each sink, and sends the digest when a scheduled one is owed.
func (s *Scheduler) RunCheck(ctx context.Context) (Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rep Report
	alerts, records, problems, n, err := s.evaluate(ctx)
	if err != nil {
		return rep, err
	}
	rep.Competitions, rep.Alerts, rep.Problems = n, len(alerts), problems
	s.forgetOld(alerts)
	for _, a := range alerts {
		for _, sink := range s.o.Sinks {
			key := sink.Name() + "|" + a.Key
			if _, sent := s.st.Sent[key]; sent {
				continue
			}
			if err := sink.SendAlert(ctx, a); err != nil {
				rep.Failed++
				s.o.Logger.Error("alert not delivered", slog.String("sink", sink.Name()), slog.String("key", a.Key), slog.String("error", err.Error()))
				continue
			}
			rep.Delivered++
			s.st.Sent[key] = s.now()
			// Saved after each delivery: a crash may repeat at most one.
			if err := s.st.save(s.o.StatePath); err != nil {
				return rep, err
			}
		}
	}
	if scheduled, owed := s.owedDigest(); owed {
		rep.Digest = true
		if err := s.sendDigest(ctx, scheduled, records, problems, n); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// forgetOld drops deliveries older than stateMemory whose alert is no
// longer raised, so the state file does not grow without end; an alert
// still raised is remembered however old, so it is never sent twice.
func (s *Scheduler) forgetOld(alerts []Alert) {
	active := make(map[string]bool, len(alerts))
	for _, a := range alerts {
		active[a.Key] = true
	}
	cutoff := s.now().Add(-stateMemory)
	for key, when := range s.st.Sent {
		_, alertKey, _ := strings.Cut(key, "|")
		if when.Before(cutoff) && !active[alertKey] {
			delete(s.st.Sent, key)
		}
	}
}

// stateMemory is how long a delivery no longer raised is remembered.
const stateMemory = 400 * 24 * time.Hour

// RunDigest sends the digest now (the cron job at the digest time).
func (s *Scheduler) RunDigest(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, records, problems, n, err := s.evaluate(ctx)
	if err != nil {
		return err
	}
	scheduled, owed := s.owedDigest()
	if !owed {
		scheduled = s.now() // run by hand, off schedule
	}
	return s.sendDigest(ctx, scheduled, records, problems, n)
}

// owedDigest reports the latest scheduled digest time that has passed
// since the last completed digest, if any.
func (s *Scheduler) owedDigest() (time.Time, bool) {
	now := s.now()
	var last time.Time
	for t, i := s.digest.Next(s.st.LastDigest.In(s.o.Location)), 0; !t.IsZero() && !t.After(now) && i < 100000; t, i = s.digest.Next(t), i+1 {
		last = t
	}
	return last, !last.IsZero()
}

func (s *Scheduler) sendDigest(ctx context.Context, scheduled time.Time, records []deadline.Record, problems []Problem, n int) error {
	d := s.buildDigest(scheduled, records, problems, n)
	complete := true
	for _, sink := range s.o.Sinks {
		key := sink.Name() + "|" + d.Key
		if _, sent := s.st.Sent[key]; sent {
			continue
		}
		if err := sink.SendDigest(ctx, d); err != nil {
			complete = false
			s.o.Logger.Error("digest not delivered", slog.String("sink", sink.Name()), slog.String("date", d.Date), slog.String("error", err.Error()))
			continue
		}
		s.st.Sent[key] = s.now()
		if err := s.st.save(s.o.StatePath); err != nil {
			return err
		}
	}
	if complete && scheduled.After(s.st.LastDigest) {
		// A failed sink leaves the digest owed: the next check retries it.
		s.st.LastDigest = scheduled
		return s.st.save(s.o.StatePath)
	}
	return nil
}

// evaluate returns the alerts and the records due soon or overdue.
func (s *Scheduler) evaluate(ctx context.Context) ([]Alert, []deadline.Record, []Problem, int, error) {
	watched, problems, err := s.o.Source.Watched(ctx, s.o.Lang)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	today := calendar.DateOf(s.now())
	var alerts []Alert
	var records []deadline.Record
	for _, w := range watched {
		ds, err := s.o.Evaluator.Evaluate(w.Case, today)
		if err != nil {
			problems = append(problems, Problem{Source: w.Source, Error: localized(err, s.o.Lang)})
			continue
		}
		for _, d := range ds {
			level, ok := levelOf(d.Status)
			if !ok {
				continue
			}
			a := newAlert(w.Source, w.Case.ID, d, level, s.o.Lang)
			alerts = append(alerts, a)
			records = append(records, a.Record)
		}
	}
	sort.SliceStable(records, func(i, j int) bool { return records[i].Due < records[j].Due })
	return alerts, records, problems, len(watched), nil
}

func (s *Scheduler) buildDigest(scheduled time.Time, records []deadline.Record, problems []Problem, n int) Digest {
	lang := s.o.Lang
	date := scheduled.In(s.o.Location).Format(calendar.DateLayout)
	horizon := s.o.Evaluator.Horizon
	if horizon == 0 {
		horizon = deadline.DefaultHorizon
	}
	var b strings.Builder
	b.WriteString(catalog.T(lang, "alert.digest.header", "date", date, "horizon", strconv.Itoa(horizon), "competitions", strconv.Itoa(n)))
	b.WriteString("\n\n")
	if len(records) == 0 {
		b.WriteString(catalog.T(lang, "alert.digest.none"))
		b.WriteString("\n")
	}
	for _, r := range records {
		key := "alert.digest.line"
		if r.Application != "" {
			key += ".application"
		}
		b.WriteString(catalog.T(lang, key, "status", r.StatusText, "competition", r.Competition, "item", r.Item,
			"due", r.Due, "party", r.PartyText, "text", r.Text, "application", r.Application))
		b.WriteString("\n")
	}
	if len(problems) > 0 {
		b.WriteString("\n")
		b.WriteString(catalog.T(lang, "alert.digest.problems"))
		b.WriteString("\n")
		for _, p := range problems {
			b.WriteString(catalog.T(lang, "alert.digest.problem", "source", p.Source, "error", p.Error))
			b.WriteString("\n")
		}
	}
	if records == nil {
		records = []deadline.Record{}
	}
	return Digest{
		Key:          "digest|" + date,
		Date:         date,
		Competitions: n,
		Subject:      catalog.T(lang, "alert.digest.subject", "count", strconv.Itoa(len(records)), "date", date),
		Deadlines:    records,
		Problems:     problems,
		Text:         b.String(),
	}
}

// ErrNoSinks is returned by sink set-up when nothing would receive alerts.
var ErrNoSinks = errors.New("no alert sink is configured")
