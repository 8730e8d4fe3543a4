package competition

import (
	"strconv"
)

// AnnouncementLeadDays is item 5's minimum: the announcement is published at
// least 60 calendar days before applications close.
const AnnouncementLeadDays = 60

// Load reads a case file and validates it; every problem is reported at once
// as a *ValidationError.
func Load(path string) (*CaseFile, error) {
	var c CaseFile
	if err := ReadAndValidate(path, &c, c.Validate); err != nil {
		return nil, err
	}
	return &c, nil
}

// Validate checks the field rules and the rules that tie fields together:
// references, uniqueness, the order of dates and item 5's lead time.
func (c *CaseFile) Validate() error {
	ve := ValidateStruct(c)
	c.checkUnique(ve)
	c.checkReferences(ve)
	c.checkDates(ve)
	c.checkProcedure(ve)
	return ve.Err()
}

func (c *CaseFile) checkUnique(ve *ValidationError) {
	seen := map[string]string{}
	note := func(kind, id, path string) {
		if id == "" {
			return
		}
		key := kind + "\x00" + id
		if first, dup := seen[key]; dup {
			ve.Add(path, "duplicate", "id", id, "first", first)
			return
		}
		seen[key] = path
	}
	for i, p := range c.Participants {
		note("participant", p.ID, indexPath("participants", i, "id"))
		note("bin", p.BIN, indexPath("participants", i, "bin"))
	}
	for i, cl := range c.Clusters {
		note("cluster", cl.ID, indexPath("clusters", i, "id"))
	}
	for i, a := range c.Applications {
		note("application", a.ID, indexPath("applications", i, "id"))
		if a.Registration != nil {
			note("registration", a.Registration.Number, indexPath("applications", i, "registration.number"))
		}
	}
}

func (c *CaseFile) checkReferences(ve *ValidationError) {
	for i, a := range c.Applications {
		if a.Participant != "" && c.Participant(a.Participant) == nil {
			ve.Add(indexPath("applications", i, "participant"), "unknown_participant", "id", a.Participant)
		}
		if a.Cluster != "" && c.Cluster(a.Cluster) == nil {
			ve.Add(indexPath("applications", i, "cluster"), "unknown_cluster", "id", a.Cluster)
		}
	}
	for i, e := range c.Events {
		if e.Application != "" && c.Application(e.Application) == nil {
			ve.Add(indexPath("events", i, "application"), "unknown_application", "id", e.Application)
		}
	}
}

func (c *CaseFile) checkDates(ve *ValidationError) {
	comp := c.Competition
	if comp.AnnouncementDate.IsZero() || comp.Stage1Deadline.IsZero() {
		return
	}
	if !comp.AnnouncementDate.Before(comp.Stage1Deadline) {
		ve.Add("competition.stage1_deadline", "date_order",
			"date", comp.Stage1Deadline.String(), "other", "competition.announcement_date", "other_date", comp.AnnouncementDate.String())
	} else if days := comp.AnnouncementDate.DaysUntil(comp.Stage1Deadline); days < AnnouncementLeadDays {
		// Item 5: at least 60 calendar days between the announcement and the deadline.
		ve.Add("competition.announcement_date", "item5",
			"days", strconv.Itoa(days), "min", strconv.Itoa(AnnouncementLeadDays))
	}
	if comp.Year != 0 && comp.Stage1Deadline.Year() != comp.Year && comp.AnnouncementDate.Year() != comp.Year {
		ve.Add("competition.year", "year_mismatch", "year", strconv.Itoa(comp.Year))
	}
	if s2 := comp.Stage2Deadline; s2 != nil && !comp.Stage1Deadline.Before(*s2) {
		ve.Add("competition.stage2_deadline", "date_order",
			"date", s2.String(), "other", "competition.stage1_deadline", "other_date", comp.Stage1Deadline.String())
	}
	for i, a := range c.Applications {
		if a.Registration == nil || a.Registration.Date.IsZero() {
			continue
		}
		if a.Registration.Date.Before(comp.AnnouncementDate) {
			ve.Add(indexPath("applications", i, "registration.date"), "date_order",
				"date", a.Registration.Date.String(), "other", "competition.announcement_date", "other_date", comp.AnnouncementDate.String())
		}
		// Item 13: applications after the deadline are not accepted.
		deadline := comp.Stage1Deadline
		if a.Stage == 2 && comp.Stage2Deadline != nil {
			deadline = *comp.Stage2Deadline
		}
		if a.Stage == 1 || comp.Stage2Deadline != nil {
			if deadline.Before(a.Registration.Date) {
				ve.Add(indexPath("applications", i, "registration.date"), "item13",
					"date", a.Registration.Date.String(), "deadline", deadline.String())
			}
		}
	}
	for i, e := range c.Events {
		if !e.Date.IsZero() && e.Kind != EventAnnouncement && e.Date.Before(comp.AnnouncementDate) {
			ve.Add(indexPath("events", i, "date"), "date_order",
				"date", e.Date.String(), "other", "competition.announcement_date", "other_date", comp.AnnouncementDate.String())
		}
	}
}

// Validate checks an Annex 1/4 form.
func (f *ApplicationForm) Validate() error {
	ve := ValidateStruct(f)
	if f.Registration != nil && f.Registration.Number == "" && !f.Registration.Date.IsZero() {
		ve.Add("registration.number", "required")
	}
	return ve.Err()
}

// LoadApplicationForm reads and validates an Annex 1/4 input file.
func LoadApplicationForm(path string) (*ApplicationForm, error) {
	var f ApplicationForm
	if err := ReadAndValidate(path, &f, f.Validate); err != nil {
		return nil, err
	}
	return &f, nil
}
