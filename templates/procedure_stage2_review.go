package templates

import (
	"strconv"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The organizer's protocol of stage 2 (items 33–37): for each application
// that passed the check, the authorized body's conclusion on the strategy
// and roadmap (item 29), for those that skipped stage 1 (item 8) the
// regional body's conclusion (item 33), and the expert council's analysis
// (items 34–35).
func init() {
	registerProcedure(procedureKind{name: competition.DocStage2Review, order: 170, build: buildStage2Review})
}

func buildStage2Review(d *procedureDoc) error {
	m := d.p.Meeting(competition.DocStage2Review)
	d.header(d.cf.Competition.Organizer.In(d.l), d.t("review2.title"), m)
	d.present(m)
	d.agenda(m)
	reviewed := d.cf.Stage2Candidates()
	skipped := 0
	for _, a := range reviewed {
		if a.SkippedStage1 {
			skipped++
		}
	}
	d.add(d.bold(d.t("protocol.heard")))
	d.para("review2.intro", "count", strconv.Itoa(len(reviewed)), "skipped", strconv.Itoa(skipped))

	head := []document.Cell{
		{Text: "№", Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.participant_cluster"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.stage1"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.authorized_strategy"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.regional33"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.expert_analysis"), Bold: true, Align: document.AlignCenter},
	}
	rows := []document.Row{{Cells: head}}
	for i, a := range reviewed {
		stage1 := d.t("review2.skipped")
		regional := d.t("review2.not_required")
		if !a.SkippedStage1 {
			stage1 = d.t("review2.admitted")
			for _, r := range d.cf.Ranking() {
				if r.Application.Cluster == a.Cluster {
					stage1 = d.t("review2.admitted_score", "total_points", d.points(r.Total))
				}
			}
		} else {
			regional = d.conclusion(d.p.ConclusionOf(a.ID, competition.BodyRegional))
		}
		expert := "—"
		if r := d.p.Stage2ReviewOf(a.ID); r != nil {
			expert = d.t("finding."+r.Finding) + "\n" + d.plainDate(r.Date)
			if r.Note != nil {
				expert += "\n" + r.Note.In(d.l)
			}
		}
		rows = append(rows, document.Row{Cells: []document.Cell{
			{Text: strconv.Itoa(i + 1), Align: document.AlignCenter},
			{Text: d.participantOf(a) + "\n(" + d.clusterOf(a) + ")"},
			{Text: stage1},
			{Text: d.conclusion(d.p.ConclusionOf(a.ID, competition.BodyAuthorizedStrategy))},
			{Text: regional},
			{Text: expert},
		}})
	}
	d.add(document.Table{Widths: []float64{5, 25, 15, 18, 17, 20}, HeaderRows: 1, Size: 10, Rows: rows})

	d.add(d.bold(d.t("protocol.decided")))
	d.para("review2.decide")
	d.signatures(m)
	return nil
}
