package templates

import (
	"github.com/konkurs/konkurs/competition"
)

// Annex 4 of the Rules: the application for the second stage (item 7.1).
func init() {
	register(&Kind{
		Name:      "annex4",
		Order:     40,
		NewInput:  func() any { return &competition.ApplicationForm{} },
		Build:     buildApplication(2),
		Blankable: true,
		FromCaseFile: func(cf *competition.CaseFile, application string) (any, error) {
			return applicationForStage(cf, application, 2)
		},
	})
}
