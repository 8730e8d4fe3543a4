package deadline

import "github.com/konkurs/konkurs/competition"

// Unit is the unit of a rule's period, as written in the JSON output.
type Unit string

const (
	WorkingDays  Unit = "working_days"
	CalendarDays Unit = "calendar_days"
	Months       Unit = "months"
	// SetDate: the due date is an event's own date (item 26: the Commission
	// sets the deadline in its minutes).
	SetDate Unit = "set_date"
)

// Party is who must act; its text is the catalog key "deadline.party.<party>".
type Party string

const (
	Organizer          Party = "organizer"
	LocalExecutiveBody Party = "local_executive_body"
	ConcludingBodies   Party = "authorized_and_regional_bodies"
	ExpertCouncil      Party = "expert_council"
	Commission         Party = "commission"
	Participant        Party = "participant"
	AuthorizedBody     Party = "authorized_body"
	InterestedBodies   Party = "interested_bodies"
)

// Completion events of items 6, 17 and 28.1 (second paragraph), recorded in
// the case file's events.
const (
	EventLEBConclusionIssued = competition.EventLEBConclusionIssued
	EventConclusionsReceived = competition.EventConclusionsReceived
	EventRoadmapAgreed       = competition.EventRoadmapAgreed
	// EventApplicationRegistered is taken from an application's registration
	// date in the case file (items 9, 13), not from its events list.
	EventApplicationRegistered competition.EventKind = "application_registered"
)

// Rule is one time limit of the rules.
type Rule struct {
	Item string // the rule's item; "28.1b" is the second limit of item 28.1
	// Trigger is the event the period runs from (or, when Before is set, the
	// event the period runs back from).
	Trigger competition.EventKind
	// Done is the event that meets the limit.
	Done competition.EventKind
	// ClosedBy are later steps of the procedure: once one is recorded, a
	// limit whose Done event was never recorded no longer raises alerts.
	ClosedBy []competition.EventKind
	Period   int
	Unit     Unit
	// Before: the Done event must come at least Period before the trigger
	// (item 5); the due date is the latest day it may happen.
	Before bool
	Party  Party
	// PerApplication: one deadline per application, matched by the events'
	// application field.
	PerApplication bool
	// LegalReview marks a limit whose unit the text leaves open (item 25's
	// bare "3 days", read as calendar days); see docs/deadlines.md.
	LegalReview bool
}

// TextKey is the catalog key of the rule's text.
func (r *Rule) TextKey() string { return "deadline.rule." + r.Item }

// Rules are the time limits of the rules, in the order of the procedure.
var Rules = []Rule{
	// Item 5: the announcement is published at least 60 calendar days before
	// applications close.
	{Item: "5", Trigger: competition.EventStage1Deadline, Done: competition.EventAnnouncement,
		Period: 60, Unit: CalendarDays, Before: true, Party: Organizer},
	// Item 6: the local executive body's conclusion within 5 working days of
	// the request's registration.
	{Item: "6", Trigger: competition.EventLEBRequestRegistered, Done: EventLEBConclusionIssued,
		// The conclusion is part of the application (item 6.3): once the
		// organizer registered the application, or checked it, it is moot.
		ClosedBy: []competition.EventKind{EventApplicationRegistered, competition.EventStage1AdmissionSigned},
		Period:   5, Unit: WorkingDays, Party: LocalExecutiveBody, PerApplication: true},
	// Item 15: completeness check within 5 working days after the deadline.
	{Item: "15", Trigger: competition.EventStage1Deadline, Done: competition.EventStage1AdmissionSigned,
		Period: 5, Unit: WorkingDays, Party: Organizer},
	// Item 17: the authorized body's and the regional body's conclusions
	// within 10 working days of the request's registration.
	{Item: "17", Trigger: competition.EventConclusionsRequested, Done: EventConclusionsReceived,
		ClosedBy: []competition.EventKind{competition.EventStage1ReviewSigned},
		Period:   10, Unit: WorkingDays, Party: ConcludingBodies},
	// Item 20: expert evaluation within 60 calendar days after the deadline.
	{Item: "20", Trigger: competition.EventStage1Deadline, Done: competition.EventExpertEvaluationDone,
		Period: 60, Unit: CalendarDays, Party: ExpertCouncil},
	// Item 23: the review protocol goes to the Commission within 3 working
	// days of signing.
	{Item: "23", Trigger: competition.EventStage1ReviewSigned, Done: competition.EventStage1ReviewSubmitted,
		Period: 3, Unit: WorkingDays, Party: Organizer},
	// Item 25: the Commission's decision is formalised in minutes within
	// "3 (үш) күн" of the meeting; no qualifier, read as calendar days.
	{Item: "25", Trigger: competition.EventStage1Meeting, Done: competition.EventStage1MinutesSigned,
		Period: 3, Unit: CalendarDays, Party: Commission, LegalReview: true},
	// Item 26: strategies and roadmaps by the date the Commission's minutes set.
	// Strategies go into the stage-2 application (item 7), so the stage-2
	// completeness protocol closes it when submissions were not recorded.
	{Item: "26", Trigger: competition.EventStrategyDue, Done: competition.EventStrategySubmitted,
		ClosedBy: []competition.EventKind{competition.EventStage2AdmissionSigned},
		Unit:     SetDate, Party: Participant},
	// Item 28.1: the authorized body forwards the roadmap within 3 working
	// days of the strategy's registration.
	{Item: "28.1", Trigger: competition.EventStrategySubmitted, Done: competition.EventRoadmapForwarded,
		Period: 3, Unit: WorkingDays, Party: AuthorizedBody, PerApplication: true},
	// Item 28.1, second paragraph: the interested bodies agree the roadmap
	// within 5 working days of its registration.
	{Item: "28.1b", Trigger: competition.EventRoadmapForwarded, Done: EventRoadmapAgreed,
		ClosedBy: []competition.EventKind{competition.EventAuthorizedConclusion},
		Period:   5, Unit: WorkingDays, Party: InterestedBodies, PerApplication: true},
	// Item 28.2: the authorized body reviews the strategy and roadmap within
	// 20 calendar days of registration.
	{Item: "28.2", Trigger: competition.EventStrategySubmitted, Done: competition.EventAuthorizedConclusion,
		Period: 20, Unit: CalendarDays, Party: AuthorizedBody, PerApplication: true},
	// Item 31: stage-2 completeness check within 5 working days after the deadline.
	{Item: "31", Trigger: competition.EventStage2Deadline, Done: competition.EventStage2AdmissionSigned,
		Period: 5, Unit: WorkingDays, Party: Organizer},
	// Item 37: the stage-2 protocol goes to the Commission within 3 working
	// days of signing.
	{Item: "37", Trigger: competition.EventStage2ReviewSigned, Done: competition.EventStage2ReviewSubmitted,
		Period: 3, Unit: WorkingDays, Party: Organizer},
	// Item 39: stage-2 minutes within 3 working days of the meeting.
	{Item: "39", Trigger: competition.EventStage2Meeting, Done: competition.EventStage2MinutesSigned,
		Period: 3, Unit: WorkingDays, Party: Commission},
	// Item 40: results on the organizer's website within 3 working days of
	// receiving the Commission's minutes.
	{Item: "40", Trigger: competition.EventMinutesReceived, Done: competition.EventResultsPublished,
		Period: 3, Unit: WorkingDays, Party: Organizer},
	// Item 42: a failed competition is announced again no later than two months after.
	{Item: "42", Trigger: competition.EventCompetitionFailed, Done: competition.EventNewAnnouncement,
		Period: 2, Unit: Months, Party: Organizer},
}
