package competition

// Procedure records what the organizer, the expert council and the Commission
// did and decided (items 14–42). Lists that follow from these records — who
// goes on after a completeness check, who is admitted to stage 2, the
// ranking, whether the competition failed — are computed (procedure_outcome.go),
// never typed in.
type Procedure struct {
	// Commission: the Commission for industrial development under the
	// Government (item 2.9), which sets the threshold and picks the winners.
	Commission []Member `yaml:"commission,omitempty" json:"commission,omitempty" validate:"dive"`
	// OrganizerStaff: the organizer's officials who check, review and sign
	// the organizer's protocols (items 15, 22, 31, 36) and its letters.
	OrganizerStaff []Member `yaml:"organizer_staff,omitempty" json:"organizer_staff,omitempty" validate:"dive"`
	// Announcement holds what the notice of items 4–5 prints beyond the
	// competition's own fields.
	Announcement *AnnouncementDetails `yaml:"announcement,omitempty" json:"announcement,omitempty"`
	// Meetings are the sittings behind each protocol and minutes.
	Meetings []Meeting `yaml:"meetings,omitempty" json:"meetings,omitempty" validate:"dive"`
	// Checks record what each application contained when its completeness
	// was checked (items 15 and 31).
	Checks []CompletenessCheck `yaml:"checks,omitempty" json:"checks,omitempty" validate:"dive"`
	// Returns are applications returned to their participants with reasons
	// (items 16 and 32).
	Returns     []Return     `yaml:"returns,omitempty" json:"returns,omitempty" validate:"dive"`
	Conclusions []Conclusion `yaml:"conclusions,omitempty" json:"conclusions,omitempty" validate:"dive"`
	// ScoreScale is the scale of the expert council's scores per criterion;
	// the decree leaves it to the council's own procedure (item 19).
	ScoreScale *ScoreScale `yaml:"score_scale,omitempty" json:"score_scale,omitempty"`
	// Scores are the expert council's scores of each concept (items 20–21).
	Scores []Score `yaml:"scores,omitempty" json:"scores,omitempty" validate:"dive"`
	// MinScore is the minimum total for admission to stage 2, set by the
	// Commission (item 24).
	MinScore *int `yaml:"min_score,omitempty" json:"min_score,omitempty" validate:"omitempty,gte=0"`
	// StrategiesDue and RoadmapsDue are the deadlines the Commission sets
	// for strategies and roadmaps (item 26).
	StrategiesDue *Date `yaml:"strategies_due,omitempty" json:"strategies_due,omitempty"`
	RoadmapsDue   *Date `yaml:"roadmaps_due,omitempty" json:"roadmaps_due,omitempty"`
	// Stage2Reviews are the expert council's analyses of strategies and
	// roadmaps (items 34–35).
	Stage2Reviews []Stage2Review `yaml:"stage2_reviews,omitempty" json:"stage2_reviews,omitempty" validate:"dive"`
	// Winners are the Commission's decision on stage 2 with the recommended
	// state support (item 38).
	Winners []Winner `yaml:"winners,omitempty" json:"winners,omitempty" validate:"dive"`
	// Failure records the organizer declaring the competition failed
	// (items 41–42).
	Failure *Failure `yaml:"failure,omitempty" json:"failure,omitempty"`
}

// Member roles on the Commission and among the organizer's staff.
const (
	RoleChair     = "chair"
	RoleDeputy    = "deputy"
	RoleMember    = "member"
	RoleSecretary = "secretary"
)

// Member is a person who sits on the Commission or signs for the organizer.
type Member struct {
	ID       string `yaml:"id" json:"id" validate:"required,ident"`
	Role     string `yaml:"role" json:"role" validate:"required,oneof=chair deputy member secretary" jsonschema:"enum=chair,enum=deputy,enum=member,enum=secretary"`
	FullName string `yaml:"full_name" json:"full_name" validate:"required,max=200"`
	Position Text   `yaml:"position" json:"position"`
}

// AnnouncementDetails are the notice's practical details.
type AnnouncementDetails struct {
	// Address where applications are handed in.
	Address Text `yaml:"address" json:"address"`
	// Hours when applications are received, e.g. "09:00–18:00".
	Hours string `yaml:"hours,omitempty" json:"hours,omitempty" validate:"max=100"`
	Phone string `yaml:"phone,omitempty" json:"phone,omitempty" validate:"omitempty,kzphone"`
	Email string `yaml:"email,omitempty" json:"email,omitempty" validate:"omitempty,email"`
	// Press: the official print publication carrying the notice (item 4).
	Press *Text `yaml:"press,omitempty" json:"press,omitempty"`
}

// The documents whose sittings are recorded as meetings.
const (
	DocStage1Admission = "stage1-admission"
	DocStage1Review    = "stage1-review"
	DocStage1Minutes   = "stage1-minutes"
	DocStage2Admission = "stage2-admission"
	DocStage2Review    = "stage2-review"
	DocStage2Minutes   = "stage2-minutes"
)

// Meeting is the sitting behind one protocol or minutes: the organizer's
// for the admission and review protocols, the Commission's for the minutes.
type Meeting struct {
	Document string `yaml:"document" json:"document" validate:"required,oneof=stage1-admission stage1-review stage1-minutes stage2-admission stage2-review stage2-minutes" jsonschema:"enum=stage1-admission,enum=stage1-review,enum=stage1-minutes,enum=stage2-admission,enum=stage2-review,enum=stage2-minutes"`
	Number   string `yaml:"number" json:"number" validate:"required,max=50"`
	Date     Date   `yaml:"date" json:"date" validate:"required"`
	// Signed is when the protocol was drawn up and signed, when later than
	// the sitting (items 25 and 39 give the Commission 3 days).
	Signed *Date `yaml:"signed,omitempty" json:"signed,omitempty"`
	// Place defaults to the competition's place.
	Place   *Text    `yaml:"place,omitempty" json:"place,omitempty"`
	Present []string `yaml:"present" json:"present" validate:"min=1"`
	Agenda  []Text   `yaml:"agenda,omitempty" json:"agenda,omitempty" validate:"dive"`
}

// SignedOn is the date the protocol carries: its signing date, else the
// sitting's date.
func (m *Meeting) SignedOn() Date {
	if m.Signed != nil {
		return *m.Signed
	}
	return m.Date
}

// Commission reports whether the meeting is the Commission's (the minutes)
// rather than the organizer's.
func (m *Meeting) Commission() bool {
	return m.Document == DocStage1Minutes || m.Document == DocStage2Minutes
}

// The documents of an application, named as items 6 and 7 list them.
const (
	PartApplication          = "application"           // Items 6.1, 7.1: Annex 1 or Annex 4
	PartConcept              = "concept"               // Item 6.2: Annex 2
	PartLEBConclusion        = "leb_conclusion"        // Items 6.3, 7.5: Annex 3
	PartStrategy             = "strategy"              // Item 7.2: Annex 5
	PartRoadmap              = "roadmap"               // Item 7.3: Annex 6
	PartAuthorizedConclusion = "authorized_conclusion" // Item 7.4
)

// RequiredParts lists the documents an application of stage must contain:
// item 6 for stage 1, item 7 for stage 2, where the local executive body's
// conclusion is required only from those that skipped stage 1 (item 7.5).
func RequiredParts(stage int, skippedStage1 bool) []string {
	if stage == 1 {
		return []string{PartApplication, PartConcept, PartLEBConclusion}
	}
	parts := []string{PartApplication, PartStrategy, PartRoadmap, PartAuthorizedConclusion}
	if skippedStage1 {
		parts = append(parts, PartLEBConclusion)
	}
	return parts
}

// CompletenessCheck is what one application contained when the organizer
// checked it (items 15 and 31).
type CompletenessCheck struct {
	Application string   `yaml:"application" json:"application" validate:"required"`
	HandedIn    []string `yaml:"handed_in" json:"handed_in" validate:"dive,oneof=application concept leb_conclusion strategy roadmap authorized_conclusion"`
}

// Has reports whether the application contained part.
func (c *CompletenessCheck) Has(part string) bool {
	for _, p := range c.HandedIn {
		if p == part {
			return true
		}
	}
	return false
}

// Return is an application returned to its participant (items 16 and 32).
type Return struct {
	Application string `yaml:"application" json:"application" validate:"required"`
	// Number and Date of the organizer's letter (the return notice).
	Number  string `yaml:"number" json:"number" validate:"required,max=50"`
	Date    Date   `yaml:"date" json:"date" validate:"required"`
	Reasons []Text `yaml:"reasons" json:"reasons" validate:"min=1,dive"`
}

// Bodies issuing conclusions.
const (
	// Item 17: the authorized body, on the sector's development priorities.
	BodyAuthorized = "authorized"
	// Items 17 and 33: the state body for regional development, on the
	// Regional Development Programme to 2020.
	BodyRegional = "regional"
	// Items 7.4 and 29: the authorized body, on the strategy and roadmap.
	BodyAuthorizedStrategy = "authorized_strategy"
)

// Findings of a conclusion.
const (
	FindingComplies    = "complies"
	FindingNotComplies = "not_complies"
)

// Conclusion is a state body's conclusion on one application.
type Conclusion struct {
	Application string `yaml:"application" json:"application" validate:"required"`
	Body        string `yaml:"body" json:"body" validate:"required,oneof=authorized regional authorized_strategy" jsonschema:"enum=authorized,enum=regional,enum=authorized_strategy"`
	Number      string `yaml:"number" json:"number" validate:"required,max=50"`
	Date        Date   `yaml:"date" json:"date" validate:"required"`
	Finding     string `yaml:"finding" json:"finding" validate:"required,oneof=complies not_complies" jsonschema:"enum=complies,enum=not_complies"`
	Note        *Text  `yaml:"note,omitempty" json:"note,omitempty"`
}

// ScoreScale bounds each criterion's score.
type ScoreScale struct {
	Min int `yaml:"min" json:"min" validate:"gte=0"`
	Max int `yaml:"max" json:"max" validate:"required,gtfield=Min"`
}

// Score is the expert council's scoring of one concept (items 20–21):
// points per criterion ID ("1.1" … "4.2").
type Score struct {
	Application string         `yaml:"application" json:"application" validate:"required"`
	Date        Date           `yaml:"date" json:"date" validate:"required"`
	Points      map[string]int `yaml:"points" json:"points" validate:"min=1"`
}

// Total is the sum of the points.
func (s *Score) Total() int {
	t := 0
	for _, p := range s.Points {
		t += p
	}
	return t
}

// Stage2Review is the expert council's analysis of one strategy and
// roadmap (items 34–35).
type Stage2Review struct {
	Application string `yaml:"application" json:"application" validate:"required"`
	Date        Date   `yaml:"date" json:"date" validate:"required"`
	Finding     string `yaml:"finding" json:"finding" validate:"required,oneof=complies not_complies" jsonschema:"enum=complies,enum=not_complies"`
	Note        *Text  `yaml:"note,omitempty" json:"note,omitempty"`
}

// MaxSupportTenge bounds one winner's recommended support: amounts are
// printed in words, which the wording package spells up to this figure.
const MaxSupportTenge = 999_999_999

// Winner is a winner of stage 2 with the state support the Commission
// recommends: co-financing of cluster initiatives of its roadmap (item 38).
type Winner struct {
	Application string       `yaml:"application" json:"application" validate:"required"`
	Support     []Initiative `yaml:"support" json:"support" validate:"min=1,dive"`
}

// Initiative is one cluster initiative of the roadmap to co-finance.
type Initiative struct {
	Name   Text  `yaml:"name" json:"name"`
	Amount int64 `yaml:"amount" json:"amount" validate:"gt=0"` // tenge
}

// TotalSupport is the sum of the winner's co-financing, in tenge.
func (w *Winner) TotalSupport() int64 {
	var t int64
	for _, i := range w.Support {
		t += i.Amount
	}
	return t
}

// Failure is the organizer's declaration that the competition failed
// (item 41).
type Failure struct {
	Number string `yaml:"number" json:"number" validate:"required,max=50"`
	Date   Date   `yaml:"date" json:"date" validate:"required"`
}
