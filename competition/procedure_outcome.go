package competition

import "sort"

// CriterionIDs lists the IDs of the sub-criteria (criteria.go) in the
// decree's order; expert scores are given per ID.
func CriterionIDs() []string {
	ids := make([]string, 0, len(Criteria))
	for _, c := range Criteria {
		ids = append(ids, c.ID)
	}
	return ids
}

// Proc returns the procedure record, empty when the case file has none yet.
func (c *CaseFile) Proc() *Procedure {
	if c.Procedure == nil {
		return &Procedure{}
	}
	return c.Procedure
}

// Meeting returns the meeting recorded for document doc, or nil.
func (p *Procedure) Meeting(doc string) *Meeting {
	for i := range p.Meetings {
		if p.Meetings[i].Document == doc {
			return &p.Meetings[i]
		}
	}
	return nil
}

// Check returns the completeness check of application id, or nil.
func (p *Procedure) Check(id string) *CompletenessCheck {
	for i := range p.Checks {
		if p.Checks[i].Application == id {
			return &p.Checks[i]
		}
	}
	return nil
}

// ReturnOf returns the return of application id, or nil.
func (p *Procedure) ReturnOf(id string) *Return {
	for i := range p.Returns {
		if p.Returns[i].Application == id {
			return &p.Returns[i]
		}
	}
	return nil
}

// ConclusionOf returns body's conclusion on application id, or nil.
func (p *Procedure) ConclusionOf(id, body string) *Conclusion {
	for i := range p.Conclusions {
		if p.Conclusions[i].Application == id && p.Conclusions[i].Body == body {
			return &p.Conclusions[i]
		}
	}
	return nil
}

// ScoreOf returns the expert council's scores of application id, or nil.
func (p *Procedure) ScoreOf(id string) *Score {
	for i := range p.Scores {
		if p.Scores[i].Application == id {
			return &p.Scores[i]
		}
	}
	return nil
}

// Stage2ReviewOf returns the expert analysis of application id, or nil.
func (p *Procedure) Stage2ReviewOf(id string) *Stage2Review {
	for i := range p.Stage2Reviews {
		if p.Stage2Reviews[i].Application == id {
			return &p.Stage2Reviews[i]
		}
	}
	return nil
}

// WinnerOf returns the winner record of application id, or nil.
func (p *Procedure) WinnerOf(id string) *Winner {
	for i := range p.Winners {
		if p.Winners[i].Application == id {
			return &p.Winners[i]
		}
	}
	return nil
}

// MemberOf returns the member id of the Commission (commission true) or of
// the organizer's staff, or nil.
func (p *Procedure) MemberOf(commission bool, id string) *Member {
	list := p.OrganizerStaff
	if commission {
		list = p.Commission
	}
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

// Registered lists the registered applications of stage in registration
// order (date, time, then number): applications not yet handed in take no
// part in the procedure.
func (c *CaseFile) Registered(stage int) []*Application {
	var list []*Application
	for i := range c.Applications {
		a := &c.Applications[i]
		if a.Stage == stage && a.Registration != nil {
			list = append(list, a)
		}
	}
	sort.SliceStable(list, func(i, j int) bool {
		ri, rj := list[i].Registration, list[j].Registration
		if !ri.Date.Equal(rj.Date.Time) {
			return ri.Date.Before(rj.Date)
		}
		if ri.Time != rj.Time {
			return ri.Time < rj.Time
		}
		return ri.Number < rj.Number
	})
	return list
}

// MissingParts lists the documents item 6 (stage 1) or item 7 (stage 2)
// requires that application a did not contain; nil when it was not checked.
func (c *CaseFile) MissingParts(a *Application) []string {
	chk := c.Proc().Check(a.ID)
	if chk == nil {
		return nil
	}
	var missing []string
	for _, part := range RequiredParts(a.Stage, a.SkippedStage1) {
		if !chk.Has(part) {
			missing = append(missing, part)
		}
	}
	return missing
}

// GoesOn lists the applications of stage that passed the completeness check
// (items 15 and 31): registered, checked and not returned.
func (c *CaseFile) GoesOn(stage int) []*Application {
	p := c.Proc()
	var list []*Application
	for _, a := range c.Registered(stage) {
		if p.Check(a.ID) != nil && p.ReturnOf(a.ID) == nil {
			list = append(list, a)
		}
	}
	return list
}

// ReturnedAt lists the applications of stage returned (items 16 and 32).
func (c *CaseFile) ReturnedAt(stage int) []*Application {
	p := c.Proc()
	var list []*Application
	for _, a := range c.Registered(stage) {
		if p.ReturnOf(a.ID) != nil {
			list = append(list, a)
		}
	}
	return list
}

// RankedApplication is a concept with its total score and rank.
type RankedApplication struct {
	Application *Application
	Score       *Score
	Total       int
	Rank        int // equal totals share a rank
}

// Ranking orders the scored stage-1 applications that went on by total
// score, highest first; ties keep registration order and share a rank
// (item 21: the scores collected per concept).
func (c *CaseFile) Ranking() []RankedApplication {
	p := c.Proc()
	var list []RankedApplication
	for _, a := range c.GoesOn(1) {
		if s := p.ScoreOf(a.ID); s != nil {
			list = append(list, RankedApplication{Application: a, Score: s, Total: s.Total()})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Total > list[j].Total })
	for i := range list {
		if i > 0 && list[i].Total == list[i-1].Total {
			list[i].Rank = list[i-1].Rank
		} else {
			list[i].Rank = i + 1
		}
	}
	return list
}

// Admitted splits the ranking by the Commission's minimum score (item 24):
// admitted are those at or above it. ok is false while no minimum is set.
func (c *CaseFile) Admitted() (admitted, below []RankedApplication, ok bool) {
	p := c.Proc()
	if p.MinScore == nil {
		return nil, nil, false
	}
	for _, r := range c.Ranking() {
		if r.Total >= *p.MinScore {
			admitted = append(admitted, r)
		} else {
			below = append(below, r)
		}
	}
	return admitted, below, true
}

// AdmittedCluster reports whether cluster's stage-1 concept was admitted
// to stage 2.
func (c *CaseFile) AdmittedCluster(cluster string) bool {
	admitted, _, _ := c.Admitted()
	for _, r := range admitted {
		if r.Application.Cluster == cluster {
			return true
		}
	}
	return false
}

// Stage2Candidates lists the stage-2 applications that passed the
// completeness check of item 31 and so are reviewed (items 33–37).
func (c *CaseFile) Stage2Candidates() []*Application { return c.GoesOn(2) }

// Outcome is whether the competition failed under item 41 and at which
// completeness check.
type Outcome struct {
	Failed    bool
	Stage     int            // the stage whose check left fewer than two
	Compliant []*Application // those that met items 6 and 7 at that stage
}

// MinCompliant is item 41's minimum: with fewer than two compliant
// participants the competition has failed.
const MinCompliant = 2

// Outcome computes item 41: the competition failed when, after a stage's
// completeness check (its protocol on record and every registered
// application checked), fewer than two participants met items 6 and 7.
func (c *CaseFile) Outcome() Outcome {
	p := c.Proc()
	for _, stage := range []int{1, 2} {
		doc := DocStage1Admission
		if stage == 2 {
			doc = DocStage2Admission
		}
		if p.Meeting(doc) == nil || !c.allChecked(stage) {
			continue // the check is not over: nothing to decide yet
		}
		if on := c.GoesOn(stage); len(on) < MinCompliant {
			return Outcome{Failed: true, Stage: stage, Compliant: on}
		}
	}
	return Outcome{}
}

// allChecked reports whether every registered application of stage has its
// completeness check recorded.
func (c *CaseFile) allChecked(stage int) bool {
	p := c.Proc()
	for _, a := range c.Registered(stage) {
		if p.Check(a.ID) == nil {
			return false
		}
	}
	return true
}
