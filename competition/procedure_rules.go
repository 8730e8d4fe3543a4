package competition

import (
	"fmt"
	"strconv"
	"strings"
)

// checkProcedure checks the procedure record against the rules: references,
// the consistency of decisions (items 8, 16, 24, 32, 38, 41), the scale of
// scores and the order of dates. Each problem names the item of the rules
// and the entries involved.
func (c *CaseFile) checkProcedure(ve *ValidationError) {
	p := c.Procedure
	if p == nil {
		return
	}
	c.checkMembers(ve, p)
	c.checkMeetings(ve, p)
	c.checkApplicationRecords(ve, p)
	c.checkReturns(ve, p)
	c.checkScores(ve, p)
	c.checkStage2Entry(ve, p)
	c.checkWinners(ve, p)
	c.checkFailure(ve, p)
	c.checkProcedureDates(ve, p)
}

func (c *CaseFile) checkMembers(ve *ValidationError, p *Procedure) {
	seen := map[string]string{}
	for _, body := range []struct {
		name string
		list []Member
	}{{"procedure.commission", p.Commission}, {"procedure.organizer_staff", p.OrganizerStaff}} {
		roles := map[string]int{}
		for i, m := range body.list {
			path := indexPath(body.name, i, "id")
			if first, dup := seen[m.ID]; dup && m.ID != "" {
				ve.Add(path, "duplicate", "id", m.ID, "first", first)
			} else {
				seen[m.ID] = path
			}
			roles[m.Role]++
		}
		for _, role := range []string{RoleChair, RoleSecretary} {
			if roles[role] > 1 {
				ve.Add(body.name, "proc_role_twice", "role", role)
			}
		}
	}
}

func (c *CaseFile) checkMeetings(ve *ValidationError, p *Procedure) {
	seen := map[string]string{}
	for i, m := range p.Meetings {
		path := indexPath("procedure.meetings", i, "")
		if first, dup := seen[m.Document]; dup {
			ve.Add(path+".document", "duplicate", "id", m.Document, "first", first)
		} else {
			seen[m.Document] = path + ".document"
		}
		body := "organizer_staff"
		if m.Commission() {
			body = "commission"
		}
		for j, id := range m.Present {
			if p.MemberOf(m.Commission(), id) == nil {
				ve.Add(fmt.Sprintf("%s.present[%d]", path, j), "proc_unknown_member", "id", id, "list", "procedure."+body)
			}
		}
		if m.Signed != nil && m.Signed.Before(m.Date) {
			ve.Add(path+".signed", "date_order", "date", m.Signed.String(), "other", path+".date", "other_date", m.Date.String())
		}
	}
}

// checkApplicationRecords checks that every per-application record names a
// registered application of the right stage, once.
func (c *CaseFile) checkApplicationRecords(ve *ValidationError, p *Procedure) {
	type record struct {
		list, key string
		n         int
		app       func(i int) string
		stage     func(a *Application, i int) bool // nil: any stage
		item      string
	}
	stage1 := func(a *Application, _ int) bool { return a.Stage == 1 }
	stage2 := func(a *Application, _ int) bool { return a.Stage == 2 }
	records := []record{
		{"procedure.checks", "", len(p.Checks), func(i int) string { return p.Checks[i].Application }, nil, "15, 31"},
		{"procedure.returns", "", len(p.Returns), func(i int) string { return p.Returns[i].Application }, nil, "16, 32"},
		{"procedure.conclusions", "body", len(p.Conclusions), func(i int) string { return p.Conclusions[i].Application },
			func(a *Application, i int) bool { return conclusionFitsStage(p.Conclusions[i].Body, a) }, "17, 29, 33"},
		{"procedure.scores", "", len(p.Scores), func(i int) string { return p.Scores[i].Application }, stage1, "20"},
		{"procedure.stage2_reviews", "", len(p.Stage2Reviews), func(i int) string { return p.Stage2Reviews[i].Application }, stage2, "34"},
		{"procedure.winners", "", len(p.Winners), func(i int) string { return p.Winners[i].Application }, stage2, "38"},
	}
	for _, r := range records {
		seen := map[string]string{}
		for i := 0; i < r.n; i++ {
			id, path := r.app(i), indexPath(r.list, i, "application")
			key := id
			if r.key == "body" {
				key += "/" + p.Conclusions[i].Body
			}
			if first, dup := seen[key]; dup {
				ve.Add(path, "duplicate", "id", id, "first", first)
				continue
			}
			seen[key] = path
			a := c.Application(id)
			switch {
			case a == nil:
				ve.Add(path, "unknown_application", "id", id)
			case a.Registration == nil:
				ve.Add(path, "proc_not_registered", "id", id, "item", "13")
			case r.stage != nil && !r.stage(a, i):
				ve.Add(path, "proc_wrong_stage", "id", id, "stage", strconv.Itoa(a.Stage), "item", r.item)
			}
		}
	}
}

// conclusionFitsStage: item 17 asks the authorized and the regional body
// about stage-1 concepts; items 7.4 and 29 the authorized body about
// stage-2 strategies; item 33 the regional body about the strategies of
// those that skipped stage 1.
func conclusionFitsStage(body string, a *Application) bool {
	switch body {
	case BodyAuthorized:
		return a.Stage == 1
	case BodyRegional:
		return a.Stage == 1 || a.SkippedStage1
	case BodyAuthorizedStrategy:
		return a.Stage == 2
	}
	return false
}

// checkReturns: an application missing a document of item 6 or 7 must be
// returned (items 16 and 32); one that skipped stage 1 must have what
// item 8 requires.
func (c *CaseFile) checkReturns(ve *ValidationError, p *Procedure) {
	for i, chk := range p.Checks {
		a := c.Application(chk.Application)
		if a == nil || a.Registration == nil || p.ReturnOf(a.ID) != nil {
			continue
		}
		missing := c.MissingParts(a)
		if len(missing) == 0 {
			continue
		}
		path := indexPath("procedure.checks", i, "handed_in")
		switch {
		case a.Stage == 2 && a.SkippedStage1:
			// Item 8: without stage 1, strategy, roadmap and the local
			// executive body's conclusion are conditions of entry.
			ve.Add(path, "proc_item8_missing", "id", a.ID, "missing", strings.Join(missing, ", "))
		case a.Stage == 1:
			ve.Add(path, "proc_incomplete_not_returned", "id", a.ID, "missing", strings.Join(missing, ", "), "item", "6", "return_item", "16")
		default:
			ve.Add(path, "proc_incomplete_not_returned", "id", a.ID, "missing", strings.Join(missing, ", "), "item", "7", "return_item", "32")
		}
	}
	// Items 16, 17 and 32: a returned application goes no further, so no
	// body concludes on it and the expert council does not analyse it.
	for i, cn := range p.Conclusions {
		if p.ReturnOf(cn.Application) != nil && cn.Body != BodyAuthorizedStrategy {
			ve.Add(indexPath("procedure.conclusions", i, "application"), "proc_returned_reviewed", "id", cn.Application, "return", c.returnPath(cn.Application))
		}
	}
	for i, r := range p.Stage2Reviews {
		if p.ReturnOf(r.Application) != nil {
			ve.Add(indexPath("procedure.stage2_reviews", i, "application"), "proc_returned_reviewed", "id", r.Application, "return", c.returnPath(r.Application))
		}
	}
	for i, r := range p.Returns {
		if a := c.Application(r.Application); a != nil && a.Registration != nil && p.Check(a.ID) == nil {
			ve.Add(indexPath("procedure.returns", i, "application"), "proc_return_unchecked", "id", a.ID,
				"item", map[int]string{1: "15", 2: "31"}[a.Stage])
		}
	}
}

// checkScores: scores stay within the scale and name known criteria
// (items 19–20); a returned concept is not reviewed (item 16).
func (c *CaseFile) checkScores(ve *ValidationError, p *Procedure) {
	if len(p.Scores) > 0 && p.ScoreScale == nil {
		ve.Add("procedure.score_scale", "proc_scale_missing")
	}
	for i, s := range p.Scores {
		path := indexPath("procedure.scores", i, "")
		if p.ReturnOf(s.Application) != nil {
			ve.Add(path+".application", "proc_returned_scored", "id", s.Application, "return", c.returnPath(s.Application))
		}
		for _, id := range sortedKeys(s.Points) {
			pts := s.Points[id]
			if CriterionByID(id) == nil {
				ve.Add(path+".points."+id, "proc_unknown_criterion", "id", id, "known", strings.Join(CriterionIDs(), ", "))
				continue
			}
			if sc := p.ScoreScale; sc != nil && (pts < sc.Min || pts > sc.Max) {
				ve.Add(path+".points."+id, "proc_score_scale", "score", strconv.Itoa(pts),
					"min", strconv.Itoa(sc.Min), "max", strconv.Itoa(sc.Max))
			}
		}
	}
	if p.MinScore != nil && p.ScoreScale != nil {
		if max := p.ScoreScale.Max * len(Criteria); *p.MinScore > max {
			ve.Add("procedure.min_score", "proc_threshold_unreachable", "score", strconv.Itoa(*p.MinScore), "max", strconv.Itoa(max))
		}
	}
	if p.MinScore != nil && p.Meeting(DocStage1Minutes) == nil {
		// Item 24: the Commission sets the minimum, so its meeting is on record.
		ve.Add("procedure.min_score", "proc_threshold_without_meeting")
	}
}

func (c *CaseFile) returnPath(id string) string {
	for i, r := range c.Proc().Returns {
		if r.Application == id {
			return indexPath("procedure.returns", i, "")
		}
	}
	return ""
}

// checkStage2Entry: stage 2 is open to stage-1 winners and to cluster
// associations that skipped stage 1 (items 2.8 and 8).
func (c *CaseFile) checkStage2Entry(ve *ValidationError, p *Procedure) {
	for i, a := range c.Applications {
		if a.Stage != 2 {
			continue
		}
		path := indexPath("applications", i, "")
		stage1 := c.stage1ApplicationOf(a.Cluster)
		if a.SkippedStage1 {
			if stage1 != nil {
				ve.Add(path+".skipped_stage1", "proc_skipped_but_took_part", "id", a.ID, "other", stage1.ID)
			}
			continue
		}
		switch {
		case stage1 == nil:
			ve.Add(path+".cluster", "proc_no_stage1", "id", a.ID, "cluster", a.Cluster)
		case p.ReturnOf(stage1.ID) != nil:
			ve.Add(path, "proc_returned_admitted", "id", a.ID, "other", stage1.ID, "return", c.returnPath(stage1.ID))
		case p.MinScore == nil:
			// Item 24: nobody goes on to stage 2 before the Commission sets the minimum.
			ve.Add(path, "proc_admitted_before_threshold", "id", a.ID)
		case !c.AdmittedCluster(a.Cluster):
			total := "—"
			if s := p.ScoreOf(stage1.ID); s != nil {
				total = strconv.Itoa(s.Total())
			}
			ve.Add(path, "proc_not_admitted", "id", a.ID, "other", stage1.ID, "total", total, "min", strconv.Itoa(*p.MinScore))
		}
	}
}

// stage1ApplicationOf returns the stage-1 application of cluster, or nil.
func (c *CaseFile) stage1ApplicationOf(cluster string) *Application {
	for i := range c.Applications {
		if a := &c.Applications[i]; a.Stage == 1 && a.Cluster == cluster {
			return a
		}
	}
	return nil
}

// checkWinners: a winner passed stage 2's completeness check (items 31, 38).
func (c *CaseFile) checkWinners(ve *ValidationError, p *Procedure) {
	for i, w := range p.Winners {
		path := indexPath("procedure.winners", i, "")
		a := c.Application(w.Application)
		if a == nil || a.Stage != 2 {
			continue // reported by checkApplicationRecords
		}
		if p.Check(a.ID) == nil || p.ReturnOf(a.ID) != nil {
			ve.Add(path+".application", "proc_winner_not_checked", "id", a.ID)
		}
		if t := w.TotalSupport(); t > MaxSupportTenge {
			ve.Add(path+".support", "proc_support_too_large", "id", a.ID, "total", strconv.FormatInt(t, 10),
				"max", strconv.FormatInt(MaxSupportTenge, 10))
		}
	}
	if len(p.Winners) > 0 && p.Meeting(DocStage2Minutes) == nil {
		ve.Add("procedure.winners", "proc_winners_without_meeting")
	}
}

// checkFailure: item 41 decides whether the competition failed; the record
// must agree with the computed outcome.
func (c *CaseFile) checkFailure(ve *ValidationError, p *Procedure) {
	out := c.Outcome()
	switch {
	case p.Failure != nil && !out.Failed:
		ve.Add("procedure.failure", "proc_failure_not_due", "min", strconv.Itoa(MinCompliant))
	case out.Failed && len(p.Winners) > 0:
		ve.Add("procedure.winners", "proc_winners_of_failed", "stage", strconv.Itoa(out.Stage), "count", strconv.Itoa(len(out.Compliant)))
	}
}

// checkProcedureDates: the documents follow the order the rules give them.
func (c *CaseFile) checkProcedureDates(ve *ValidationError, p *Procedure) {
	comp := c.Competition
	meetingPath := func(doc string) string {
		for i := range p.Meetings {
			if p.Meetings[i].Document == doc {
				return indexPath("procedure.meetings", i, "date")
			}
		}
		return ""
	}
	// notBefore reports date at path when it is before other.
	notBefore := func(path string, date Date, otherPath string, other Date, item string) {
		if date.IsZero() || other.IsZero() || !date.Before(other) {
			return
		}
		ve.Add(path, "proc_date_order", "item", item, "date", date.String(), "other", otherPath, "other_date", other.String())
	}
	meeting := func(doc string) (Date, string) {
		if m := p.Meeting(doc); m != nil {
			return m.Date, meetingPath(doc)
		}
		return Date{}, ""
	}
	adm1, adm1Path := meeting(DocStage1Admission)
	rev1, rev1Path := meeting(DocStage1Review)
	min1, min1Path := meeting(DocStage1Minutes)
	adm2, adm2Path := meeting(DocStage2Admission)
	rev2, rev2Path := meeting(DocStage2Review)
	min2, min2Path := meeting(DocStage2Minutes)

	// Item 15: the check follows the deadline; item 22: the review follows
	// the check; item 24: the Commission follows the review.
	notBefore(adm1Path, adm1, "competition.stage1_deadline", comp.Stage1Deadline, "15")
	notBefore(rev1Path, rev1, adm1Path, adm1, "22")
	notBefore(min1Path, min1, rev1Path, rev1, "24")
	if comp.Stage2Deadline != nil {
		notBefore(adm2Path, adm2, "competition.stage2_deadline", *comp.Stage2Deadline, "31")
	}
	notBefore(adm2Path, adm2, min1Path, min1, "31")
	notBefore(rev2Path, rev2, adm2Path, adm2, "36")
	notBefore(min2Path, min2, rev2Path, rev2, "38")
	if p.StrategiesDue != nil {
		notBefore("procedure.strategies_due", *p.StrategiesDue, min1Path, min1, "26")
	}
	if p.RoadmapsDue != nil {
		notBefore("procedure.roadmaps_due", *p.RoadmapsDue, min1Path, min1, "26")
	}
	if m := p.Meeting(DocStage2Minutes); m != nil {
		// Item 40: the results are announced once the minutes are received.
		if d, ok := c.EventDate(EventResultsPublished, ""); ok {
			signedPath := min2Path
			if m.Signed != nil {
				signedPath = strings.TrimSuffix(min2Path, ".date") + ".signed"
			}
			notBefore(c.eventPath(EventResultsPublished), d, signedPath, m.SignedOn(), "40")
		}
	}
	for i, a := range c.Applications {
		// Items 24 and 8: a stage-1 participant applies to stage 2 after the
		// Commission admitted it.
		if a.Stage == 2 && !a.SkippedStage1 && a.Registration != nil {
			notBefore(indexPath("applications", i, "registration.date"), a.Registration.Date, min1Path, min1, "24")
		}
	}
	for i, r := range p.Returns {
		a := c.Application(r.Application)
		if a == nil {
			continue
		}
		if a.Stage == 1 {
			notBefore(indexPath("procedure.returns", i, "date"), r.Date, adm1Path, adm1, "16")
		} else {
			notBefore(indexPath("procedure.returns", i, "date"), r.Date, adm2Path, adm2, "32")
		}
	}
	for i, cn := range p.Conclusions {
		a := c.Application(cn.Application)
		if a == nil || a.Registration == nil {
			continue
		}
		path := indexPath("procedure.conclusions", i, "date")
		if a.Stage == 1 {
			notBefore(path, cn.Date, indexPath("applications", c.applicationIndex(a.ID), "registration.date"), a.Registration.Date, "17")
			notBefore(rev1Path, rev1, path, cn.Date, "22")
		} else {
			notBefore(rev2Path, rev2, path, cn.Date, "36")
		}
	}
	for i, s := range p.Scores {
		path := indexPath("procedure.scores", i, "date")
		notBefore(path, s.Date, "competition.stage1_deadline", comp.Stage1Deadline, "20")
		notBefore(rev1Path, rev1, path, s.Date, "22")
	}
	for i, r := range p.Stage2Reviews {
		path := indexPath("procedure.stage2_reviews", i, "date")
		notBefore(path, r.Date, adm2Path, adm2, "34")
		notBefore(rev2Path, rev2, path, r.Date, "36")
	}
	if f := p.Failure; f != nil {
		out := c.Outcome()
		if out.Stage == 2 {
			notBefore("procedure.failure.date", f.Date, adm2Path, adm2, "41")
		} else {
			notBefore("procedure.failure.date", f.Date, adm1Path, adm1, "41")
		}
	}
}

func (c *CaseFile) eventPath(kind EventKind) string {
	for i, e := range c.Events {
		if e.Kind == kind && e.Application == "" {
			return indexPath("events", i, "date")
		}
	}
	return "events"
}

func (c *CaseFile) applicationIndex(id string) int {
	for i := range c.Applications {
		if c.Applications[i].ID == id {
			return i
		}
	}
	return -1
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
