package templates

import (
	"strconv"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The Commission's minutes on stage 1 (items 24–26): the minimum score for
// stage 2, the participants admitted — computed from the scores and the
// threshold, never typed in — and the deadlines for strategies and roadmaps.
func init() {
	registerProcedure(procedureKind{name: competition.DocStage1Minutes, order: 150, build: buildStage1Minutes})
}

func buildStage1Minutes(d *procedureDoc) error {
	m := d.p.Meeting(competition.DocStage1Minutes)
	review := d.p.Meeting(competition.DocStage1Review)
	d.header(d.t("commission"), d.t("minutes1.title"), m)
	d.present(m)
	d.agenda(m)

	d.add(d.bold(d.t("protocol.heard")))
	d.para("minutes1.heard", "number", review.Number, "date", d.dated(review.SignedOn()))

	d.add(d.bold(d.t("protocol.decided")))
	min := strconv.Itoa(*d.p.MinScore)
	minGen := d.pointsGenitive(*d.p.MinScore)
	d.para("minutes1.threshold", "min", min, "min_points", d.points(*d.p.MinScore))
	admitted, below, _ := d.cf.Admitted()
	d.para("minutes1.admitted", "min", min, "min_points_gen", minGen)
	if len(admitted) > 0 {
		d.add(d.rankingTable(admitted))
	} else {
		d.none()
	}
	d.para("minutes1.below", "min", min, "min_points_gen", minGen)
	if len(below) > 0 {
		d.add(d.rankingTable(below))
	} else {
		d.none()
	}
	if ret := d.cf.ReturnedAt(1); len(ret) > 0 {
		d.para("minutes1.returned")
		d.numbered(d.names(ret))
	}
	d.para("minutes1.deadlines", "strategies", d.plainDate(*d.p.StrategiesDue), "roadmaps", d.plainDate(*d.p.RoadmapsDue))
	if s2 := d.cf.Competition.Stage2Deadline; s2 != nil {
		d.para("minutes1.stage2_deadline", "date", d.plainDate(*s2))
	}
	d.para("minutes1.formalised")
	d.add(document.Spacer{HeightPt: 6})
	d.signatures(m)
	return nil
}
