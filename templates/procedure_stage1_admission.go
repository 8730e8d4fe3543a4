package templates

import (
	"strconv"
	"strings"

	"github.com/konkurs/konkurs/competition"
)

// The organizer's protocol of the stage-1 completeness check (item 15):
// every registered application against item 6, the participants whose
// applications go on and those returned with reasons (item 16).
func init() {
	registerProcedure(procedureKind{name: competition.DocStage1Admission, order: 120, build: buildAdmission(1)})
}

// buildAdmission lays out the completeness protocol of stage 1 (items 6,
// 15, 16) or stage 2 (items 7, 8, 31, 32); the lists are computed from the
// checks and returns.
func buildAdmission(stage int) func(d *procedureDoc) error {
	return func(d *procedureDoc) error {
		doc, deadline := competition.DocStage1Admission, d.cf.Competition.Stage1Deadline
		if stage == 2 {
			doc = competition.DocStage2Admission
			if s2 := d.cf.Competition.Stage2Deadline; s2 != nil {
				deadline = *s2
			}
		}
		s := strconv.Itoa(stage)
		m := d.p.Meeting(doc)
		d.header(d.cf.Competition.Organizer.In(d.l), d.t("admission.title"+s), m)
		d.present(m)
		d.agenda(m)

		registered := d.cf.Registered(stage)
		d.add(d.bold(d.t("protocol.heard")))
		d.para("admission.intro"+s, "deadline", d.plainDate(deadline), "count", strconv.Itoa(len(registered)))
		d.add(d.applicationsTable(registered,
			[]string{d.t("col.registration"), d.t("col.missing"), d.t("col.result")}, []float64{16, 18, 15},
			func(a *competition.Application) []string {
				missing := d.cf.MissingParts(a)
				names := make([]string, 0, len(missing))
				for _, part := range missing {
					names = append(names, d.partName(part))
				}
				miss := "—"
				if len(names) > 0 {
					miss = strings.Join(names, ";\n")
				}
				result := d.t("result.goes_on")
				if d.p.ReturnOf(a.ID) != nil {
					result = d.t("result.returned")
				}
				if stage == 2 && a.SkippedStage1 {
					result += "\n" + d.t("admission.skipped")
				}
				return []string{d.registrationOf(a), miss, result}
			}))

		d.add(d.bold(d.t("protocol.decided")))
		d.para("admission.decide_on" + s)
		if on := d.cf.GoesOn(stage); len(on) > 0 {
			d.numbered(d.names(on))
		} else {
			d.none()
		}
		d.para("admission.decide_return" + s)
		if ret := d.cf.ReturnedAt(stage); len(ret) > 0 {
			items := make([]string, 0, len(ret))
			for _, a := range ret {
				r := d.p.ReturnOf(a.ID)
				reasons := make([]string, 0, len(r.Reasons))
				for _, why := range r.Reasons {
					reasons = append(reasons, strings.TrimSuffix(why.In(d.l), "."))
				}
				items = append(items, d.participantOf(a)+" — "+d.clusterOf(a)+": "+strings.Join(reasons, "; ")+
					" ("+d.t("admission.letter", "number", r.Number, "date", d.plainDate(r.Date))+").")
			}
			d.numbered(items)
		} else {
			d.none()
		}
		if out := d.cf.Outcome(); out.Failed && out.Stage == stage {
			// Item 41: fewer than two compliant participants.
			d.para("admission.failed"+s, "count", strconv.Itoa(len(out.Compliant)))
		} else if stage == 1 {
			d.para("admission.next1")
		} else {
			d.para("admission.next2")
		}
		d.signatures(m)
		return nil
	}
}
