package competition

// CaseFile is a competition's case file: the organizer's record of one
// competition, which grows as the procedure goes on.
type CaseFile struct {
	Competition  Competition   `yaml:"competition" json:"competition" validate:"required"`
	Participants []Participant `yaml:"participants" json:"participants" validate:"dive"`
	Clusters     []Cluster     `yaml:"clusters" json:"clusters" validate:"dive"`
	Applications []Application `yaml:"applications,omitempty" json:"applications,omitempty" validate:"dive"`
	Events       []Event       `yaml:"events,omitempty" json:"events,omitempty" validate:"dive"`
	// Procedure records what the organizer, the experts and the Commission
	// decided (returns, conclusions, scores, threshold, meetings, winners).
	Procedure *Procedure `yaml:"procedure,omitempty" json:"procedure,omitempty"`
}

// Competition is one competitive selection of territorial clusters.
type Competition struct {
	ID   string `yaml:"id" json:"id" validate:"required,ident"`
	Year int    `yaml:"year" json:"year" validate:"required,gte=2015,lte=2100"`
	// Organizer: item 2.5 — the authorized body for state support of
	// industrial-innovative activity.
	Organizer Text `yaml:"organizer" json:"organizer"`
	// AuthorizedBody: item 2.11 — the central executive body regulating the
	// cluster's sector.
	AuthorizedBody Text   `yaml:"authorized_body" json:"authorized_body"`
	Place          Text   `yaml:"place" json:"place"` // city where the organizer sits, printed on protocols
	Website        string `yaml:"website,omitempty" json:"website,omitempty" validate:"omitempty,url"`
	// Item 5: the announcement appears at least 60 calendar days before the
	// application deadline.
	AnnouncementDate Date  `yaml:"announcement_date" json:"announcement_date" validate:"required"`
	Stage1Deadline   Date  `yaml:"stage1_deadline" json:"stage1_deadline" validate:"required"`
	Stage2Deadline   *Date `yaml:"stage2_deadline,omitempty" json:"stage2_deadline,omitempty"`
}

// Participant is a competition participant: at stage 1 a regional chamber of
// entrepreneurs, social-entrepreneurial corporation, SEZ management company or
// business association (item 2.7); at stage 2 a cluster association (item 2.8).
type Participant struct {
	ID        string    `yaml:"id" json:"id" validate:"required,ident"`
	Name      Text      `yaml:"name" json:"name"`
	BIN       string    `yaml:"bin" json:"bin" validate:"required,bin"`
	Address   Address   `yaml:"address" json:"address"`
	Phone     string    `yaml:"phone" json:"phone" validate:"required,kzphone"`
	Email     string    `yaml:"email" json:"email" validate:"required,email"`
	Signatory Signatory `yaml:"signatory" json:"signatory"`
}

// Address is a postal address in both languages.
type Address struct {
	KK       string `yaml:"kk" json:"kk" validate:"required,max=500"`
	RU       string `yaml:"ru" json:"ru" validate:"required,max=500"`
	Postcode string `yaml:"postcode" json:"postcode" validate:"required,kzpostcode"`
}

// In returns the address in lang with its postcode.
func (a Address) In(lang string) string {
	s := a.KK
	if lang == "ru" {
		s = a.RU
	}
	if a.Postcode != "" {
		return a.Postcode + ", " + s
	}
	return s
}

// Signatory is the person authorised to sign documents for the applicant.
type Signatory struct {
	Position Text   `yaml:"position" json:"position"`
	FullName string `yaml:"full_name" json:"full_name" validate:"required,max=200"`
}

// Cluster is a territorial cluster (item 2.1).
type Cluster struct {
	ID     string `yaml:"id" json:"id" validate:"required,ident"`
	Name   Text   `yaml:"name" json:"name"`
	Region Text   `yaml:"region" json:"region"`
	Sector Text   `yaml:"sector" json:"sector"`
}

// Application is one application (өтінім) to a stage of the competition.
type Application struct {
	ID          string `yaml:"id" json:"id" validate:"required,ident"`
	Stage       int    `yaml:"stage" json:"stage" validate:"required,oneof=1 2"`
	Participant string `yaml:"participant" json:"participant" validate:"required"`
	Cluster     string `yaml:"cluster" json:"cluster" validate:"required"`
	// SkippedStage1 marks a stage-2 applicant that did not take part in
	// stage 1 (item 8).
	SkippedStage1 bool          `yaml:"skipped_stage1,omitempty" json:"skipped_stage1,omitempty"`
	Registration  *Registration `yaml:"registration,omitempty" json:"registration,omitempty"`
}

// Registration is the organizer's registration of a received application
// (items 9 and 13).
type Registration struct {
	Number     string `yaml:"number" json:"number" validate:"required,max=50"`
	Date       Date   `yaml:"date" json:"date" validate:"required"`
	Time       string `yaml:"time,omitempty" json:"time,omitempty" validate:"omitempty,hhmm"`
	ReceivedBy string `yaml:"received_by,omitempty" json:"received_by,omitempty" validate:"omitempty,max=200"`
	// Item 9: the application comes on paper as an original and a copy, and
	// on an electronic medium.
	PaperOriginal bool `yaml:"paper_original,omitempty" json:"paper_original,omitempty"`
	PaperCopy     bool `yaml:"paper_copy,omitempty" json:"paper_copy,omitempty"`
	Electronic    bool `yaml:"electronic,omitempty" json:"electronic,omitempty"`
}

// Event is a dated event of the procedure.
type Event struct {
	Kind        EventKind `yaml:"kind" json:"kind" validate:"required,eventkind"`
	Date        Date      `yaml:"date" json:"date" validate:"required"`
	Application string    `yaml:"application,omitempty" json:"application,omitempty"`
	Note        string    `yaml:"note,omitempty" json:"note,omitempty" validate:"max=2000"`
}

// Participant returns the participant with id, or nil.
func (c *CaseFile) Participant(id string) *Participant {
	for i := range c.Participants {
		if c.Participants[i].ID == id {
			return &c.Participants[i]
		}
	}
	return nil
}

// Cluster returns the cluster with id, or nil.
func (c *CaseFile) Cluster(id string) *Cluster {
	for i := range c.Clusters {
		if c.Clusters[i].ID == id {
			return &c.Clusters[i]
		}
	}
	return nil
}

// Application returns the application with id, or nil.
func (c *CaseFile) Application(id string) *Application {
	for i := range c.Applications {
		if c.Applications[i].ID == id {
			return &c.Applications[i]
		}
	}
	return nil
}

// EventDate returns the date of the first event of kind (for the whole
// competition when application is ""), and whether there is one.
func (c *CaseFile) EventDate(kind EventKind, application string) (Date, bool) {
	for _, e := range c.Events {
		if e.Kind == kind && e.Application == application {
			return e.Date, true
		}
	}
	return Date{}, false
}
