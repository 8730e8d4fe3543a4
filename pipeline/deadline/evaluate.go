package deadline

import (
	"fmt"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/calendar"
)

// Case is the neutral input of an evaluation: a competition's key dates and
// its dated events. It does not depend on how the case file was read.
type Case struct {
	ID               string // the competition's identifier, used in alerts
	AnnouncementDate calendar.Date
	Stage1Deadline   calendar.Date
	Stage2Deadline   calendar.Date
	Events           []Event
}

// Event is one dated event; Application is "" for the whole competition.
type Event struct {
	Kind        competition.EventKind
	Date        calendar.Date
	Application string
}

// Status of a deadline at the evaluation date.
type Status string

const (
	NotTriggered Status = "not_triggered" // the trigger event has not happened
	Open         Status = "open"          // running, due beyond the horizon
	DueSoon      Status = "due_soon"      // due within the horizon (today included)
	Overdue      Status = "overdue"       // past due, not done
	Met          Status = "met"           // done on or before the due date
	Late         Status = "late"          // done, but after the due date
	Closed       Status = "closed"        // a later step happened; completion not recorded
)

// Deadline is one evaluated time limit.
type Deadline struct {
	Rule        *Rule
	Application string
	Trigger     calendar.Date // zero when not triggered
	Due         calendar.Date // zero when not triggered
	Done        calendar.Date // date of the event that met the limit, if any
	Status      Status
	// Provisional: the period crosses a day the calendar holds as
	// provisional (an estimated Kurban Ait, an unconfirmed transfer).
	Provisional bool
}

// DefaultHorizon is how many working days ahead a deadline counts as due soon.
const DefaultHorizon = 3

// Evaluator evaluates cases against the rules with one calendar.
type Evaluator struct {
	Calendar *calendar.Calendar
	Horizon  int    // working days; DefaultHorizon when 0
	Rules    []Rule // the rules table; Rules when nil
}

// Evaluate computes every deadline of c as of the date at. Dates that
// contradict the procedure's order give an *OrderError listing them all.
func (ev Evaluator) Evaluate(c Case, at calendar.Date) ([]Deadline, error) {
	cal := ev.Calendar
	if cal == nil {
		cal = calendar.Embedded()
	}
	rules := ev.Rules
	if rules == nil {
		rules = Rules
	}
	horizon := ev.Horizon
	if horizon == 0 {
		horizon = DefaultHorizon
	}
	all := c.allEvents()
	if err := checkOrder(c.ID, all); err != nil {
		return nil, err
	}
	events := asOf(all, at)
	horizonEnd, err := cal.AddWorkingDays(at, horizon)
	if err != nil {
		return nil, err
	}
	out := make([]Deadline, 0, len(rules)+4)
	for i := range rules {
		r := &rules[i]
		triggers := triggerEvents(r, events)
		if len(triggers) == 0 {
			out = append(out, Deadline{Rule: r, Status: NotTriggered})
			continue
		}
		for _, t := range triggers {
			d := Deadline{Rule: r, Application: t.Application, Trigger: t.Date}
			if d.Due, err = dueDate(cal, r, t.Date); err != nil {
				return nil, fmt.Errorf("competition %s, item %s: %w", c.ID, r.Item, err)
			}
			if r.Before {
				d.Provisional = cal.ProvisionalBetween(d.Due, t.Date)
			} else {
				d.Provisional = cal.ProvisionalBetween(t.Date, d.Due)
			}
			if done, ok := firstMatching(events, r.Done, t.Application); ok {
				d.Done = done.Date
			}
			d.Status = status(r, d, events, at, horizonEnd)
			out = append(out, d)
		}
	}
	return out, nil
}

func dueDate(cal *calendar.Calendar, r *Rule, trigger calendar.Date) (calendar.Date, error) {
	switch {
	case r.Before:
		// Item 5: "at least N calendar days before": the latest day is
		// trigger − N; a publication may fall on any day, so no roll.
		if !cal.Covers(trigger) {
			_, err := cal.Kind(trigger)
			return calendar.Date{}, err
		}
		return trigger.AddDays(-r.Period), nil
	case r.Unit == WorkingDays:
		return cal.AddWorkingDays(trigger, r.Period)
	case r.Unit == CalendarDays:
		return cal.AddCalendarDays(trigger, r.Period)
	case r.Unit == Months:
		return cal.AddMonths(trigger, r.Period)
	case r.Unit == SetDate:
		_, err := cal.Kind(trigger)
		return trigger, err
	}
	return calendar.Date{}, fmt.Errorf("item %s: unknown unit %q", r.Item, r.Unit)
}

func status(r *Rule, d Deadline, events []Event, at, horizonEnd calendar.Date) Status {
	switch {
	case !d.Done.IsZero() && d.Done.After(d.Due):
		return Late
	case !d.Done.IsZero():
		return Met
	}
	for _, k := range r.ClosedBy {
		if _, ok := firstMatching(events, k, d.Application); ok {
			return Closed
		}
	}
	switch {
	case at.After(d.Due):
		return Overdue
	case !d.Due.After(horizonEnd):
		return DueSoon
	}
	return Open
}

// triggerEvents returns the trigger of the rule: the earliest event of its
// kind, one per application for per-application rules.
func triggerEvents(r *Rule, events []Event) []Event {
	var out []Event
	for _, e := range events {
		if e.Kind != r.Trigger {
			continue
		}
		app := e.Application
		if !r.PerApplication {
			app = ""
		}
		found := false
		for i := range out {
			if out[i].Application == app {
				found = true
				if e.Date.Before(out[i].Date) {
					out[i].Date = e.Date
				}
			}
		}
		if !found {
			out = append(out, Event{Kind: e.Kind, Date: e.Date, Application: app})
		}
	}
	return out
}

// firstMatching returns the earliest event of kind that belongs to the
// application (an event for the whole competition belongs to every one).
func firstMatching(events []Event, kind competition.EventKind, app string) (Event, bool) {
	var best Event
	ok := false
	for _, e := range events {
		if e.Kind != kind || (app != "" && e.Application != "" && e.Application != app) {
			continue
		}
		if !ok || e.Date.Before(best.Date) {
			best, ok = e, true
		}
	}
	return best, ok
}

// scheduledKinds are dates fixed in advance (deadlines set by the
// announcement or the Commission's minutes); they count before they arrive.
var scheduledKinds = map[competition.EventKind]bool{
	competition.EventStage1Deadline: true,
	competition.EventStage2Deadline: true,
	competition.EventStrategyDue:    true,
}

// asOf keeps the events that had happened by at (an evaluation "as of" a
// past date must not see later facts) and every scheduled date.
func asOf(events []Event, at calendar.Date) []Event {
	out := events[:0:0]
	for _, e := range events {
		if scheduledKinds[e.Kind] || !e.Date.After(at) {
			out = append(out, e)
		}
	}
	return out
}

// allEvents adds the competition's key dates as events unless the events
// list records them already.
func (c Case) allEvents() []Event {
	events := make([]Event, 0, len(c.Events)+3)
	events = append(events, c.Events...)
	add := func(k competition.EventKind, d calendar.Date) {
		if d.IsZero() {
			return
		}
		for _, e := range c.Events {
			if e.Kind == k && e.Application == "" {
				return
			}
		}
		events = append(events, Event{Kind: k, Date: d})
	}
	add(competition.EventAnnouncement, c.AnnouncementDate)
	add(competition.EventStage1Deadline, c.Stage1Deadline)
	add(competition.EventStage2Deadline, c.Stage2Deadline)
	return events
}
