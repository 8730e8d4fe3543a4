package competition

import "fmt"

// ApplicationForm is the input of Annex 1 (stage 1) and Annex 4 (stage 2):
// what the applicant fills in on the application form. It is either written
// directly (examples/annex1.yaml) or taken from a case file's application.
type ApplicationForm struct {
	// Addressee is the organizer, the authorized body for state support of
	// industrial-innovative activity; left out, the form prints the generic
	// title of that body as the seed does.
	Addressee    *Text         `yaml:"addressee,omitempty" json:"addressee,omitempty"`
	Cluster      FormCluster   `yaml:"cluster" json:"cluster"`
	Participant  FormApplicant `yaml:"participant" json:"participant"`
	Registration *Registration `yaml:"registration,omitempty" json:"registration,omitempty"`
}

// FormCluster is the cluster as printed on the application.
type FormCluster struct {
	Name Text `yaml:"name" json:"name"`
}

// FormApplicant is the applicant as printed on the application.
type FormApplicant struct {
	Name      Text      `yaml:"name" json:"name"`
	BIN       string    `yaml:"bin,omitempty" json:"bin,omitempty" validate:"omitempty,bin"`
	Signatory Signatory `yaml:"signatory" json:"signatory"`
}

// ApplicationForm builds the Annex 1/4 input of application id.
func (c *CaseFile) ApplicationForm(id string) (*ApplicationForm, error) {
	a := c.Application(id)
	if a == nil {
		ve := &ValidationError{}
		ve.Add("--application", "unknown_application", "id", id)
		return nil, ve
	}
	p, cl := c.Participant(a.Participant), c.Cluster(a.Cluster)
	if p == nil || cl == nil {
		return nil, fmt.Errorf("application %q refers to an unknown participant or cluster", id)
	}
	org := c.Competition.Organizer
	return &ApplicationForm{
		Addressee:    &org,
		Cluster:      FormCluster{Name: cl.Name},
		Participant:  FormApplicant{Name: p.Name, BIN: p.BIN, Signatory: p.Signatory},
		Registration: a.Registration,
	}, nil
}
