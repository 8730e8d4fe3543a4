package templates

import "github.com/konkurs/konkurs/competition"

// The organizer's protocol of the stage-2 completeness check (item 31):
// every registered stage-2 application against item 7 (and item 8 for
// those that skipped stage 1), those that go on and those returned (item 32).
func init() {
	registerProcedure(procedureKind{name: competition.DocStage2Admission, order: 160, build: buildAdmission(2)})
}
