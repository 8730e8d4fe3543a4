package competition

// EventKind names a dated event of the procedure recorded in the case file.
// Deadlines are counted from these events (see pipeline/deadline).
type EventKind string

// The events of the procedure, in the order the rules describe them.
const (
	EventAnnouncement          EventKind = "announcement"            // Items 4–5: notice published
	EventStage1Deadline        EventKind = "stage1_deadline"         // Item 5: last day of stage-1 applications
	EventLEBRequestRegistered  EventKind = "leb_request_registered"  // Item 6: application registered at the local executive body for its conclusion
	EventStage1AdmissionSigned EventKind = "stage1_admission_signed" // Item 15: completeness protocol signed
	EventConclusionsRequested  EventKind = "conclusions_requested"   // Item 17: sent to the authorized body and the regional body
	EventExpertEvaluationDone  EventKind = "expert_evaluation_done"  // Item 20: expert council scored the concepts
	EventStage1ReviewSigned    EventKind = "stage1_review_signed"    // Items 22–23: organizer's review protocol signed
	EventStage1ReviewSubmitted EventKind = "stage1_review_submitted" // Item 23: protocol handed to the Commission
	EventStage1Meeting         EventKind = "stage1_meeting"          // Items 24–25: Commission meeting on stage 1
	EventStage1MinutesSigned   EventKind = "stage1_minutes_signed"   // Item 25: minutes of stage 1 signed
	EventStrategyDue           EventKind = "strategy_due"            // Item 26: deadline the Commission set for strategies and roadmaps
	EventStrategySubmitted     EventKind = "strategy_submitted"      // Items 27–28: strategy and roadmap registered at the authorized body
	EventRoadmapForwarded      EventKind = "roadmap_forwarded"       // Item 28.1: roadmap registered at the interested bodies
	EventAuthorizedConclusion  EventKind = "authorized_conclusion"   // Items 28.2, 29: authorized body's conclusion issued
	EventStage2Deadline        EventKind = "stage2_deadline"         // Item 31: last day of stage-2 applications
	EventStage2AdmissionSigned EventKind = "stage2_admission_signed" // Item 31: completeness protocol signed
	EventStage2ReviewSigned    EventKind = "stage2_review_signed"    // Items 36–37: organizer's stage-2 protocol signed
	EventStage2ReviewSubmitted EventKind = "stage2_review_submitted" // Item 37: protocol handed to the Commission
	EventStage2Meeting         EventKind = "stage2_meeting"          // Items 38–39: Commission meeting on stage 2
	EventStage2MinutesSigned   EventKind = "stage2_minutes_signed"   // Item 39: minutes of stage 2 signed and sent
	EventMinutesReceived       EventKind = "minutes_received"        // Item 40: organizer received the Commission's minutes
	EventResultsPublished      EventKind = "results_published"       // Item 40: results announced on the website
	EventCompetitionFailed     EventKind = "competition_failed"      // Item 41: competition declared failed
	EventNewAnnouncement       EventKind = "new_announcement"        // Item 42: repeat competition announced
)

// Completion events of limits whose end the procedure does not otherwise record.
const (
	EventLEBConclusionIssued EventKind = "leb_conclusion_issued" // Item 6: the local executive body issued its conclusion
	EventConclusionsReceived EventKind = "conclusions_received"  // Item 17: both conclusions received by the organizer
	EventRoadmapAgreed       EventKind = "roadmap_agreed"        // Item 28.1: the interested bodies agreed the roadmap
)

// EventKinds lists every known event kind; the case-file validation refuses others.
var EventKinds = []EventKind{
	EventAnnouncement, EventStage1Deadline, EventLEBRequestRegistered, EventLEBConclusionIssued,
	EventStage1AdmissionSigned, EventConclusionsRequested, EventConclusionsReceived, EventExpertEvaluationDone,
	EventStage1ReviewSigned, EventStage1ReviewSubmitted, EventStage1Meeting,
	EventStage1MinutesSigned, EventStrategyDue, EventStrategySubmitted,
	EventRoadmapForwarded, EventRoadmapAgreed, EventAuthorizedConclusion, EventStage2Deadline,
	EventStage2AdmissionSigned, EventStage2ReviewSigned, EventStage2ReviewSubmitted,
	EventStage2Meeting, EventStage2MinutesSigned, EventMinutesReceived,
	EventResultsPublished, EventCompetitionFailed, EventNewAnnouncement,
}
