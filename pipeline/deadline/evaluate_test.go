package deadline

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/calendar"
)

func day(s string) calendar.Date {
	d, err := calendar.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// sampleCase is a stage-1 competition of spring 2026, around Nauryz.
func sampleCase() Case {
	return Case{
		ID:               "tc-2026",
		AnnouncementDate: day("2026-01-15"),
		Stage1Deadline:   day("2026-03-20"),
		Events: []Event{
			{Kind: competition.EventLEBRequestRegistered, Date: day("2026-03-06"), Application: "a1"},
			{Kind: competition.EventLEBRequestRegistered, Date: day("2026-03-18"), Application: "a2"},
			{Kind: competition.EventStage1AdmissionSigned, Date: day("2026-03-27")},
			{Kind: competition.EventConclusionsRequested, Date: day("2026-03-30")},
		},
	}
}

func find(t *testing.T, ds []Deadline, item, app string) Deadline {
	t.Helper()
	for _, d := range ds {
		if d.Rule.Item == item && d.Application == app {
			return d
		}
	}
	t.Fatalf("no deadline for item %s application %q", item, app)
	return Deadline{}
}

func TestEvaluateSample(t *testing.T) {
	ds, err := Evaluator{}.Evaluate(sampleCase(), day("2026-04-09"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		scenario, item, app, trigger, due string
		status                            Status
	}{
		{"item 5: announced 64 days ahead", "5", "", "2026-03-20", "2026-01-19", Met},
		{"item 6: 5 working days skipping the 9 March carry-over, then closed by the admission protocol", "6", "a1", "2026-03-06", "2026-03-16", Closed},
		{"item 6 per application: across Nauryz 2026", "6", "a2", "2026-03-18", "2026-03-30", Closed},
		{"item 15: 5 working days after the deadline, across Nauryz carry-overs", "15", "", "2026-03-20", "2026-04-01", Met},
		{"item 17: 10 working days, due within the horizon", "17", "", "2026-03-30", "2026-04-13", DueSoon},
		{"item 20: 60 calendar days", "20", "", "2026-03-20", "2026-05-19", Open},
		{"item 23: not yet triggered", "23", "", "", "", NotTriggered},
		{"item 42: not yet triggered", "42", "", "", "", NotTriggered},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			d := find(t, ds, tc.item, tc.app)
			if d.Trigger.String() != tc.trigger || d.Due.String() != tc.due || d.Status != tc.status {
				t.Errorf("trigger %s due %s status %s; want %s %s %s", d.Trigger, d.Due, d.Status, tc.trigger, tc.due, tc.status)
			}
		})
	}
}

func TestStatusesOverTime(t *testing.T) {
	c := sampleCase()
	for _, tc := range []struct {
		at     string
		status Status
	}{
		{"2026-04-01", Open},    // horizon ends 6 April; due 13 April
		{"2026-04-08", DueSoon}, // horizon 9, 10, 13 April reaches the due date
		{"2026-04-13", DueSoon}, // the last day itself
		{"2026-04-14", Overdue},
	} {
		ds, err := Evaluator{}.Evaluate(c, day(tc.at))
		if err != nil {
			t.Fatal(err)
		}
		if got := find(t, ds, "17", "").Status; got != tc.status {
			t.Errorf("at %s: item 17 is %s, want %s", tc.at, got, tc.status)
		}
	}
	c.Events = append(c.Events, Event{Kind: EventConclusionsReceived, Date: day("2026-04-14")})
	ds, _ := Evaluator{}.Evaluate(c, day("2026-04-20"))
	if d := find(t, ds, "17", ""); d.Status != Late || d.Done.String() != "2026-04-14" {
		t.Errorf("conclusions a day late: %s done %s", d.Status, d.Done)
	}
}

func TestDueDatesOfTheUnits(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		event    Event
		item     string
		due      string
	}{
		{"item 25: 3 calendar days ending on Victory Day roll past the carry-over",
			Event{Kind: competition.EventStage1Meeting, Date: day("2026-05-06")}, "25", "2026-05-12"},
		{"item 39: 3 working days across New Year 2026",
			Event{Kind: competition.EventStage2Meeting, Date: day("2025-12-30")}, "39", "2026-01-06"},
		{"item 40: working Sunday 5 January 2025 counts",
			Event{Kind: competition.EventMinutesReceived, Date: day("2024-12-31")}, "40", "2025-01-08"},
		{"item 42: two months from 31 December end on Saturday 28 February, rolled to Monday",
			Event{Kind: competition.EventCompetitionFailed, Date: day("2025-12-31")}, "42", "2026-03-02"},
		{"item 28.2: 20 calendar days",
			Event{Kind: competition.EventStrategySubmitted, Date: day("2026-06-01"), Application: "a1"}, "28.2", "2026-06-22"},
		{"item 26: the date the Commission set",
			Event{Kind: competition.EventStrategyDue, Date: day("2026-07-15")}, "26", "2026-07-15"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			c := Case{ID: "c", Events: []Event{tc.event}}
			ds, err := Evaluator{}.Evaluate(c, day("2026-12-31"))
			if err != nil {
				t.Fatal(err)
			}
			if d := find(t, ds, tc.item, tc.event.Application); d.Due.String() != tc.due {
				t.Errorf("due %s, want %s", d.Due, tc.due)
			}
		})
	}
}

// An evaluation as of a date sees only what had happened by then, but
// knows the scheduled dates (the application deadlines) in advance.
func TestEvaluationAsOfADate(t *testing.T) {
	c := sampleCase()
	for _, tc := range []struct {
		at     string
		item   string
		status Status
	}{
		{"2026-03-26", "15", Open}, // the protocol of 27 March is not yet signed
		{"2026-03-27", "15", Met},
		{"2026-02-01", "15", Open}, // the deadline is known before it comes
		{"2026-03-29", "17", NotTriggered},
	} {
		ds, err := Evaluator{}.Evaluate(c, day(tc.at))
		if err != nil {
			t.Fatal(err)
		}
		if got := find(t, ds, tc.item, "").Status; got != tc.status {
			t.Errorf("at %s item %s: %s, want %s", tc.at, tc.item, got, tc.status)
		}
	}
}

func TestLateAnnouncement(t *testing.T) {
	c := sampleCase()
	c.AnnouncementDate = day("2026-02-01")
	ds, err := Evaluator{}.Evaluate(c, day("2026-02-02"))
	if err != nil {
		t.Fatal(err)
	}
	if d := find(t, ds, "5", ""); d.Status != Late {
		t.Errorf("announcement 47 days ahead: %s, want late", d.Status)
	}
}

func TestImpossibleDatesNameBothEvents(t *testing.T) {
	c := sampleCase()
	c.Events = append(c.Events, Event{Kind: competition.EventStage1Meeting, Date: day("2026-03-10")})
	_, err := Evaluator{}.Evaluate(c, day("2026-04-09"))
	var oe *OrderError
	if !errors.As(err, &oe) {
		t.Fatalf("got %v, want *OrderError", err)
	}
	for lang, want := range map[catalog.Lang][]string{
		catalog.KK: {"Комиссияның бірінші кезең бойынша отырысы", "2026-03-10", "бірінші кезеңнің өтінімдерін қабылдау мерзімі аяқталды", "2026-03-20"},
		catalog.RU: {"заседание Комиссии по первому этапу", "2026-03-10", "истек срок приема заявок первого этапа", "2026-03-20"},
	} {
		text := oe.Text(lang)
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q does not name %q", lang, text, w)
			}
		}
	}
}

func TestPerApplicationEventsDoNotCross(t *testing.T) {
	c := Case{ID: "c", Events: []Event{
		{Kind: competition.EventStrategySubmitted, Date: day("2026-06-01"), Application: "a1"},
		{Kind: competition.EventStrategySubmitted, Date: day("2026-06-03"), Application: "a2"},
		{Kind: competition.EventRoadmapForwarded, Date: day("2026-06-02"), Application: "a2"},
	}}
	_, err := Evaluator{}.Evaluate(c, day("2026-06-05"))
	var oe *OrderError
	if !errors.As(err, &oe) || len(oe.Problems) != 1 || oe.Problems[0].LaterEvent.Application != "a2" {
		t.Fatalf("a2's roadmap forwarded before its strategy: got %v", err)
	}
	c.Events[2].Date = day("2026-06-04")
	ds, err := Evaluator{}.Evaluate(c, day("2026-06-05"))
	if err != nil {
		t.Fatal(err)
	}
	if d := find(t, ds, "28.1", "a1"); d.Status != Overdue || !d.Done.IsZero() {
		t.Errorf("a1 must not borrow a2's forwarding: %s done %s", d.Status, d.Done)
	}
	if d := find(t, ds, "28.1", "a2"); d.Status != Met {
		t.Errorf("a2: %s", d.Status)
	}
}

func TestOutsideTheCalendarIsAnError(t *testing.T) {
	c := Case{ID: "c", Stage1Deadline: day("2031-03-01")}
	if _, err := (Evaluator{}).Evaluate(c, day("2026-01-01")); !errors.Is(err, calendar.ErrOutOfRange) {
		t.Fatalf("got %v", err)
	}
}

func TestRecordContract(t *testing.T) {
	ds, err := Evaluator{}.Evaluate(sampleCase(), day("2026-04-09"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(find(t, ds, "15", "").Record("tc-2026", catalog.RU))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"item": "15", "trigger": "2026-03-20", "due": "2026-04-01", "period": 5.0,
		"unit": "working_days", "status": "met", "party": "organizer", "party_text": "организатор конкурса"}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	b, _ = json.Marshal(find(t, ds, "42", "").Record("tc-2026", catalog.KK))
	if !strings.Contains(string(b), `"due":""`) || !strings.Contains(string(b), `"trigger":""`) {
		t.Errorf("an untriggered deadline must have empty dates: %s", b)
	}
}

func TestEveryRuleHasTexts(t *testing.T) {
	for _, r := range Rules {
		for _, lang := range catalog.DocumentLangs {
			for _, key := range []string{r.TextKey(), "deadline.party." + string(r.Party),
				"deadline.event." + string(r.Trigger), "deadline.event." + string(r.Done)} {
				if !catalog.Has(lang, key) {
					t.Errorf("item %s: %s has no %s text", r.Item, key, lang)
				}
			}
		}
	}
	for _, k := range competition.EventKinds {
		if !catalog.Has(catalog.KK, "deadline.event."+string(k)) || !catalog.Has(catalog.RU, "deadline.event."+string(k)) {
			t.Errorf("event %s has no name", k)
		}
	}
}

// BenchmarkEvaluate1000 evaluates the deadlines of 1,000 competitions (the
// issue's bar: ≤ 100 ms per 1,000).
func BenchmarkEvaluate1000(b *testing.B) {
	cases := make([]Case, 1000)
	for i := range cases {
		c := sampleCase()
		shift := i % 300
		c.ID = "c"
		c.AnnouncementDate = c.AnnouncementDate.AddDays(shift)
		c.Stage1Deadline = c.Stage1Deadline.AddDays(shift)
		ev := make([]Event, 0, len(c.Events)+6)
		for _, e := range c.Events {
			e.Date = e.Date.AddDays(shift)
			ev = append(ev, e)
		}
		ev = append(ev,
			Event{Kind: competition.EventStage1ReviewSigned, Date: c.Stage1Deadline.AddDays(40)},
			Event{Kind: competition.EventStage1ReviewSubmitted, Date: c.Stage1Deadline.AddDays(42)},
			Event{Kind: competition.EventStage1Meeting, Date: c.Stage1Deadline.AddDays(50)},
			Event{Kind: competition.EventStrategySubmitted, Date: c.Stage1Deadline.AddDays(80), Application: "a1"},
			Event{Kind: competition.EventStrategySubmitted, Date: c.Stage1Deadline.AddDays(81), Application: "a2"},
		)
		c.Events = ev
		cases[i] = c
	}
	at := day("2026-06-01")
	ev := Evaluator{Calendar: calendar.Embedded()}
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cases {
			if _, err := ev.Evaluate(c, at); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestProvisionalCalendarDaysAreFlagged(t *testing.T) {
	// 10 working days from 10 May 2027 cross the estimated Kurban Ait of 16 May.
	c := Case{ID: "c", Events: []Event{{Kind: competition.EventConclusionsRequested, Date: day("2027-05-10")}}}
	ds, err := Evaluator{}.Evaluate(c, day("2027-05-11"))
	if err != nil {
		t.Fatal(err)
	}
	if d := find(t, ds, "17", ""); !d.Provisional {
		t.Errorf("item 17 over an estimated Kurban Ait is not flagged: %+v", d)
	}
	ds, _ = Evaluator{}.Evaluate(sampleCase(), day("2026-04-09"))
	if d := find(t, ds, "15", ""); d.Provisional {
		t.Errorf("item 15 in March 2026 crosses no provisional day")
	}
}
