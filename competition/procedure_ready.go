package competition

import (
	"strconv"
	"strings"
)

// The procedure's documents that are not sittings.
const (
	DocAnnouncement = "announcement"
	DocReceipt      = "receipt"
	DocReturnNotice = "return-notice"
	DocResults      = "results"
	DocFailedNotice = "failed-notice"
)

// ProcedureDocuments are the procedure's documents in the order of the rules.
var ProcedureDocuments = []string{
	DocAnnouncement, DocReceipt, DocStage1Admission, DocReturnNotice, DocStage1Review, DocStage1Minutes,
	DocStage2Admission, DocStage2Review, DocStage2Minutes, DocResults, DocFailedNotice,
}

// PerApplication reports whether doc is drawn up for one application.
func PerApplication(doc string) bool { return doc == DocReceipt || doc == DocReturnNotice }

// ReadyFor checks that the case file holds everything document doc needs
// (for application id when the document is per application). A case file
// grows as the procedure goes on, so a document that comes later than the
// record reaches is refused with what is missing, citing the item.
func (c *CaseFile) ReadyFor(doc, id string) error {
	ve := &ValidationError{}
	p := c.Proc()
	switch doc {
	case DocAnnouncement:
		// Item 5's lead time is checked with the case file itself.
	case DocReceipt:
		if a := c.needApplication(ve, id); a != nil && a.Registration == nil {
			ve.Add(c.appPath(id), "proc_not_registered", "id", id, "item", "13")
		}
	case DocReturnNotice:
		if a := c.needApplication(ve, id); a != nil && p.ReturnOf(id) == nil {
			ve.Add(c.appPath(id), "proc_not_returned", "id", id)
		}
		c.needSignatory(ve)
	case DocStage1Admission, DocStage2Admission:
		stage := 1
		if doc == DocStage2Admission {
			stage = 2
			c.notFailed(ve, 1)
		}
		m := c.needMeeting(ve, doc)
		if len(c.Registered(stage)) == 0 {
			ve.Add("applications", "proc_no_applications", "stage", itoa(stage))
		}
		for _, a := range c.Registered(stage) {
			if p.Check(a.ID) == nil {
				ve.Add("procedure.checks", "proc_unchecked", "id", a.ID, "item", map[int]string{1: "15", 2: "31"}[stage])
			}
		}
		c.needSigners(ve, m)
	case DocStage1Review:
		c.needStage1Review(ve)
	case DocStage1Minutes:
		c.needStage1Review(ve)
		c.needSigners(ve, c.needMeeting(ve, doc))
		if p.MinScore == nil {
			ve.Add("procedure.min_score", "proc_no_threshold")
		}
		if p.StrategiesDue == nil || p.RoadmapsDue == nil {
			ve.Add("procedure.strategies_due", "proc_no_strategy_deadline")
		}
	case DocStage2Review:
		c.needStage2Review(ve)
	case DocStage2Minutes, DocResults:
		c.needStage2Review(ve)
		c.needSigners(ve, c.needMeeting(ve, DocStage2Minutes))
		if len(p.Winners) == 0 {
			ve.Add("procedure.winners", "proc_no_winners")
		}
		if doc == DocResults {
			if _, ok := c.EventDate(EventResultsPublished, ""); !ok {
				ve.Add("events", "proc_no_event", "kind", string(EventResultsPublished), "item", "40")
			}
		}
	case DocFailedNotice:
		if !c.Outcome().Failed {
			ve.Add("procedure", "proc_not_failed", "min", itoa(MinCompliant))
		} else if p.Failure == nil {
			ve.Add("procedure.failure", "proc_no_failure_record")
		}
		c.needSignatory(ve)
	}
	return ve.Err()
}

func (c *CaseFile) needApplication(ve *ValidationError, id string) *Application {
	if id == "" {
		ve.Add("", "proc_application_needed")
		return nil
	}
	a := c.Application(id)
	if a == nil {
		ve.Add("", "unknown_application", "id", id)
	}
	return a
}

func (c *CaseFile) appPath(id string) string {
	return indexPath("applications", c.applicationIndex(id), "")
}

func (c *CaseFile) needMeeting(ve *ValidationError, doc string) *Meeting {
	m := c.Proc().Meeting(doc)
	if m == nil {
		ve.Add("procedure.meetings", "proc_no_meeting", "document", doc)
	}
	return m
}

// needSigners: organizer protocols are signed by everyone present; the
// Commission's minutes by the chair (or the deputy chairing) and the secretary.
func (c *CaseFile) needSigners(ve *ValidationError, m *Meeting) {
	if m == nil || !m.Commission() {
		return
	}
	if len(c.MinutesSigners(m)) < 2 {
		ve.Add("procedure.meetings", "proc_minutes_signers", "document", m.Document)
	}
}

// needSignatory: letters are signed by the organizer's chair of staff.
func (c *CaseFile) needSignatory(ve *ValidationError) {
	if c.OrganizerSignatory() == nil {
		ve.Add("procedure.organizer_staff", "proc_no_signatory")
	}
}

func (c *CaseFile) notFailed(ve *ValidationError, stage int) {
	if out := c.Outcome(); out.Failed && out.Stage <= stage {
		ve.Add("procedure", "proc_failed", "stage", itoa(out.Stage), "count", itoa(len(out.Compliant)))
	}
}

func (c *CaseFile) needStage1Review(ve *ValidationError) {
	p := c.Proc()
	c.notFailed(ve, 1)
	c.needMeeting(ve, DocStage1Review)
	for _, a := range c.GoesOn(1) {
		for _, body := range []string{BodyAuthorized, BodyRegional} {
			if p.ConclusionOf(a.ID, body) == nil {
				ve.Add("procedure.conclusions", "proc_missing_conclusion", "id", a.ID, "body", body, "item", "17")
			}
		}
		s := p.ScoreOf(a.ID)
		if s == nil {
			ve.Add("procedure.scores", "proc_missing_score", "id", a.ID)
			continue
		}
		var missing []string
		for _, id := range CriterionIDs() {
			if _, ok := s.Points[id]; !ok {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 {
			ve.Add("procedure.scores", "proc_missing_criterion", "id", a.ID, "criteria", strings.Join(missing, ", "))
		}
	}
}

func (c *CaseFile) needStage2Review(ve *ValidationError) {
	p := c.Proc()
	c.notFailed(ve, 2)
	if p.Meeting(DocStage2Admission) == nil {
		ve.Add("procedure.meetings", "proc_no_meeting", "document", DocStage2Admission)
	}
	c.needMeeting(ve, DocStage2Review)
	for _, a := range c.Stage2Candidates() {
		if p.ConclusionOf(a.ID, BodyAuthorizedStrategy) == nil {
			ve.Add("procedure.conclusions", "proc_missing_conclusion", "id", a.ID, "body", BodyAuthorizedStrategy, "item", "29")
		}
		if a.SkippedStage1 && p.ConclusionOf(a.ID, BodyRegional) == nil {
			ve.Add("procedure.conclusions", "proc_missing_conclusion", "id", a.ID, "body", BodyRegional, "item", "33")
		}
		if p.Stage2ReviewOf(a.ID) == nil {
			ve.Add("procedure.stage2_reviews", "proc_missing_stage2_review", "id", a.ID)
		}
	}
}

// MinutesSigners are the signatories of the Commission's minutes: the
// chair, or the deputy when the chair was absent, and the secretary.
func (c *CaseFile) MinutesSigners(m *Meeting) []*Member {
	p := c.Proc()
	var chair, deputy, secretary *Member
	for _, id := range m.Present {
		mem := p.MemberOf(true, id)
		if mem == nil {
			continue
		}
		switch mem.Role {
		case RoleChair:
			chair = mem
		case RoleDeputy:
			if deputy == nil {
				deputy = mem
			}
		case RoleSecretary:
			secretary = mem
		}
	}
	if chair == nil {
		chair = deputy
	}
	var list []*Member
	for _, m := range []*Member{chair, secretary} {
		if m != nil {
			list = append(list, m)
		}
	}
	return list
}

// OrganizerSignatory is who signs the organizer's letters and notices: the
// chair of its staff, else the first listed.
func (c *CaseFile) OrganizerSignatory() *Member {
	staff := c.Proc().OrganizerStaff
	for i := range staff {
		if staff[i].Role == RoleChair {
			return &staff[i]
		}
	}
	if len(staff) > 0 {
		return &staff[0]
	}
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
