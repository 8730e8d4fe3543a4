package deadline

import (
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
)

// The procedure's order: within each chain an event may not be dated before
// any event earlier in the chain (same day is allowed). Chains follow the
// items of the rules; per-application events are compared within their
// application, and events of the whole competition with every application.
var chains = [][]competition.EventKind{
	// Items 4–5, 15, 22–25: stage 1 from the announcement to the minutes.
	{competition.EventAnnouncement, competition.EventStage1Deadline, competition.EventStage1AdmissionSigned,
		competition.EventStage1ReviewSigned, competition.EventStage1ReviewSubmitted,
		competition.EventStage1Meeting, competition.EventStage1MinutesSigned, competition.EventStrategyDue},
	// Item 20, 22: the experts score after the deadline, before the review protocol.
	{competition.EventStage1Deadline, competition.EventExpertEvaluationDone, competition.EventStage1ReviewSigned},
	// Item 17, 22: conclusions come before the review protocol.
	{competition.EventConclusionsRequested, EventConclusionsReceived, competition.EventStage1ReviewSigned},
	// Item 6.
	{competition.EventLEBRequestRegistered, EventLEBConclusionIssued},
	// Items 27–29.
	{competition.EventStrategySubmitted, competition.EventRoadmapForwarded, EventRoadmapAgreed, competition.EventAuthorizedConclusion},
	// Items 31, 36–40: stage 2 to the results.
	{competition.EventStage2Deadline, competition.EventStage2AdmissionSigned, competition.EventStage2ReviewSigned,
		competition.EventStage2ReviewSubmitted, competition.EventStage2Meeting, competition.EventStage2MinutesSigned,
		competition.EventMinutesReceived, competition.EventResultsPublished},
	// Items 41–42.
	{competition.EventCompetitionFailed, competition.EventNewAnnouncement},
}

// OrderProblem is one pair of events in the wrong order.
type OrderProblem struct {
	Earlier, Later competition.EventKind // Earlier must not come after Later
	EarlierEvent   Event
	LaterEvent     Event
}

// OrderError lists every pair of events whose dates contradict the
// procedure (e.g. a meeting dated before the deadline it follows).
type OrderError struct {
	Competition string
	Problems    []OrderProblem
}

func (e *OrderError) Error() string { return strings.Join(e.Lines(catalog.EN), "\n") }

// Lines renders one line per problem in lang.
func (e *OrderError) Lines(lang catalog.Lang) []string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = catalog.T(lang, "deadline.error.order",
			"competition", e.Competition,
			"later", EventName(lang, p.Later), "later_date", p.LaterEvent.Date.String(),
			"earlier", EventName(lang, p.Earlier), "earlier_date", p.EarlierEvent.Date.String()) +
			applicationSuffix(lang, p)
	}
	return lines
}

// Text renders the whole error in lang.
func (e *OrderError) Text(lang catalog.Lang) string { return strings.Join(e.Lines(lang), "\n") }

func applicationSuffix(lang catalog.Lang, p OrderProblem) string {
	app := p.LaterEvent.Application
	if app == "" {
		app = p.EarlierEvent.Application
	}
	if app == "" {
		return ""
	}
	return " " + catalog.T(lang, "deadline.error.application", "application", app)
}

// EventName is an event kind's name in lang.
func EventName(lang catalog.Lang, k competition.EventKind) string {
	return catalog.T(lang, "deadline.event."+string(k))
}

func checkOrder(id string, events []Event) error {
	byKind := make(map[competition.EventKind][]Event, len(events))
	for _, e := range events {
		byKind[e.Kind] = append(byKind[e.Kind], e)
	}
	var problems []OrderProblem
	for _, chain := range chains {
		for i := 0; i < len(chain); i++ {
			if len(byKind[chain[i]]) == 0 {
				continue
			}
			for j := i + 1; j < len(chain); j++ {
				problems = appendOrderProblems(problems, byKind[chain[i]], byKind[chain[j]])
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return &OrderError{Competition: id, Problems: problems}
}

func appendOrderProblems(problems []OrderProblem, earlier, later []Event) []OrderProblem {
	for _, a := range earlier {
		for _, b := range later {
			if !b.Date.Before(a.Date) {
				continue
			}
			if a.Application != "" && b.Application != "" && a.Application != b.Application {
				continue
			}
			problems = append(problems, OrderProblem{Earlier: a.Kind, Later: b.Kind, EarlierEvent: a, LaterEvent: b})
		}
	}
	return problems
}
