package deadline

import (
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/calendar"
)

// FromCaseFile adapts a loaded case file to the neutral Case.
func FromCaseFile(cf *competition.CaseFile) Case {
	c := Case{
		ID:               cf.Competition.ID,
		AnnouncementDate: dateOf(cf.Competition.AnnouncementDate),
		Stage1Deadline:   dateOf(cf.Competition.Stage1Deadline),
		Events:           make([]Event, 0, len(cf.Events)),
	}
	if cf.Competition.Stage2Deadline != nil {
		c.Stage2Deadline = dateOf(*cf.Competition.Stage2Deadline)
	}
	for _, e := range cf.Events {
		c.Events = append(c.Events, Event{Kind: e.Kind, Date: dateOf(e.Date), Application: e.Application})
	}
	for _, a := range cf.Applications {
		if a.Registration != nil && !a.Registration.Date.IsZero() {
			c.Events = append(c.Events, Event{Kind: EventApplicationRegistered, Date: dateOf(a.Registration.Date), Application: a.ID})
		}
	}
	return c
}

func dateOf(d competition.Date) calendar.Date {
	if d.IsZero() {
		return calendar.Date{}
	}
	return calendar.DateOf(d.Time)
}
