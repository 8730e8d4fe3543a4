package competition

// LocalConclusion is the input of Annex 3: the conclusion of the local executive
// body of a region, city of republican significance or the capital, part of
// the first-stage application (item 6.3) and of the second stage's for
// participants that skipped the first (item 7.5).
type LocalConclusion struct {
	Number  string `yaml:"number" json:"number" validate:"required,max=50"`
	Date    Date   `yaml:"date" json:"date" validate:"required"`
	Cluster Text   `yaml:"cluster" json:"cluster"`
	// Address and Phone are the second line of the form.
	Address Text   `yaml:"address" json:"address"`
	Phone   string `yaml:"phone" json:"phone" validate:"required,kzphone"`
	// Institution is the state institution of the local executive body.
	Institution Text `yaml:"institution" json:"institution"`
	// Participants confirms the presence or absence of participants.
	Participants string `yaml:"participants" json:"participants" validate:"required,oneof=present absent"`
	// Expediency confirms the expediency or inexpediency of organizing the cluster.
	Expediency string          `yaml:"expediency" json:"expediency" validate:"required,oneof=expedient inexpedient"`
	Members    []ClusterMember `yaml:"members,omitempty" json:"members,omitempty" validate:"max=1000,dive"`
	Signatory  Signatory       `yaml:"signatory" json:"signatory"`
}

// ClusterMember is one row of the conclusion's table.
type ClusterMember struct {
	Name     Text `yaml:"name" json:"name"`
	Activity Text `yaml:"activity" json:"activity"`
}

// Validate checks the conclusion: field tags, and that participants said
// to be present are listed.
func (c *LocalConclusion) Validate() error {
	ve := ValidateStruct(c)
	if c.Participants == "present" && len(c.Members) == 0 {
		ve.Add("members", "members_required")
	}
	return ve.Err()
}
