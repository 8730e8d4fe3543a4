package dossier

// Role is which document of the application a spec document is (items 6–7).
type Role string

const (
	RoleAnnex1               Role = "annex1"                // Item 6.1: the stage 1 application form
	RoleAnnex2               Role = "annex2"                // Item 6.2: the cluster development concept
	RoleAnnex3               Role = "annex3"                // Items 6.3, 7.5: the local executive body's conclusion
	RoleAnnex4               Role = "annex4"                // Item 7.1: the stage 2 application form
	RoleAnnex5               Role = "annex5"                // Item 7.2: the cluster development strategy
	RoleAnnex6               Role = "annex6"                // Item 7.3: the roadmap
	RoleAuthorizedConclusion Role = "authorized_conclusion" // Item 7.4: the authorized body's conclusion
	RoleOther                Role = "other"                 // anything the applicant adds
)

// Roles lists every role in the order of the rules.
var Roles = []Role{RoleAnnex1, RoleAnnex2, RoleAnnex3, RoleAnnex4, RoleAnnex5, RoleAnnex6,
	RoleAuthorizedConclusion, RoleOther}

func (r Role) valid() bool {
	for _, known := range Roles {
		if r == known {
			return true
		}
	}
	return false
}

// requirement is a document the rules require, with the item that requires it.
type requirement struct {
	Role Role
	Item string // "6.1", "7.4", ...
}

// requiredDocuments lists what an application of the stage must contain.
func requiredDocuments(stage int, tookPartInStage1 bool) []requirement {
	switch stage {
	case 1:
		// Item 6: the stage 1 application contains the Annex 1 application,
		// the Annex 2 concept and the Annex 3 conclusion of the local
		// executive body.
		return []requirement{{RoleAnnex1, "6.1"}, {RoleAnnex2, "6.2"}, {RoleAnnex3, "6.3"}}
	case 2:
		// Item 7: the Annex 4 application, the Annex 5 strategy, the Annex 6
		// roadmap and the authorized body's conclusion on them.
		req := []requirement{{RoleAnnex4, "7.1"}, {RoleAnnex5, "7.2"}, {RoleAnnex6, "7.3"},
			{RoleAuthorizedConclusion, "7.4"}}
		// Items 7.5 and 8: participants that skipped stage 1 add the Annex 3
		// conclusion of the local executive body.
		if !tookPartInStage1 {
			req = append(req, requirement{RoleAnnex3, "7.5, 8"})
		}
		return req
	}
	return nil
}

// missingDocuments returns the requirements no spec document meets.
func missingDocuments(s *Spec) []requirement {
	have := map[Role]bool{}
	for _, d := range s.Documents {
		have[d.Role] = true
	}
	took := s.TookPartInStage1 == nil || *s.TookPartInStage1
	var missing []requirement
	for _, r := range requiredDocuments(s.Stage, took) {
		if !have[r.Role] {
			missing = append(missing, r)
		}
	}
	return missing
}
