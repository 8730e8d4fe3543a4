package templates

import (
	"strconv"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The organizer's protocol of the stage-1 review (items 21–23): per concept
// the authorized body's conclusion on the sector's priorities, the regional
// body's conclusion on the Regional Development Programme 2020, the expert
// council's scores per criterion and in total, and the ranking.
func init() {
	registerProcedure(procedureKind{name: competition.DocStage1Review, order: 140, build: buildStage1Review})
}

func buildStage1Review(d *procedureDoc) error {
	m := d.p.Meeting(competition.DocStage1Review)
	d.header(d.cf.Competition.Organizer.In(d.l), d.t("review1.title"), m)
	d.present(m)
	d.agenda(m)
	reviewed := d.cf.GoesOn(1)
	d.add(d.bold(d.t("protocol.heard")))
	d.para("review1.intro", "count", strconv.Itoa(len(reviewed)))

	d.add(d.bold(d.t("review1.conclusions")))
	d.add(d.applicationsTable(reviewed, []string{d.t("col.authorized"), d.t("col.regional")}, []float64{24, 25},
		func(a *competition.Application) []string {
			return []string{
				d.conclusion(d.p.ConclusionOf(a.ID, competition.BodyAuthorized)),
				d.conclusion(d.p.ConclusionOf(a.ID, competition.BodyRegional)),
			}
		}))

	// The score table has a column per criterion: a landscape page.
	d.add(document.PageBreak{Landscape: true})
	scale := d.p.ScoreScale
	d.add(d.bold(d.t("review1.scores", "min", strconv.Itoa(scale.Min), "max", strconv.Itoa(scale.Max), "max_points", d.pointsGenitive(scale.Max))))
	d.add(d.scoreTable(reviewed))
	d.criteriaLegend()
	d.add(document.PageBreak{Landscape: false})

	d.add(d.bold(d.t("review1.ranking")))
	d.add(d.rankingTable(d.cf.Ranking()))

	d.add(d.bold(d.t("protocol.decided")))
	d.para("review1.decide")
	d.signatures(m)
	return nil
}

// scoreTable: №, participant, one column per criterion, total.
func (d *procedureDoc) scoreTable(apps []*competition.Application) document.Table {
	ids := competition.CriterionIDs()
	widths := []float64{4, 30}
	head := []document.Cell{{Text: "№", Bold: true, Align: document.AlignCenter}, {Text: d.t("col.participant"), Bold: true, Align: document.AlignCenter}}
	for _, id := range ids {
		widths = append(widths, 4.4)
		head = append(head, document.Cell{Text: id, Bold: true, Align: document.AlignCenter})
	}
	widths = append(widths, 8)
	head = append(head, document.Cell{Text: d.t("col.total"), Bold: true, Align: document.AlignCenter})
	rows := []document.Row{{Cells: head}}
	for i, a := range apps {
		s := d.p.ScoreOf(a.ID)
		cells := []document.Cell{{Text: strconv.Itoa(i + 1), Align: document.AlignCenter}, {Text: d.participantOf(a) + "\n(" + d.clusterOf(a) + ")"}}
		for _, id := range ids {
			cells = append(cells, document.Cell{Text: strconv.Itoa(s.Points[id]), Align: document.AlignCenter})
		}
		cells = append(cells, document.Cell{Text: strconv.Itoa(s.Total()), Bold: true, Align: document.AlignCenter})
		rows = append(rows, document.Row{Cells: cells})
	}
	return document.Table{Widths: widths, HeaderRows: 1, Size: 10, Rows: rows}
}

// rankingTable: rank, participant, cluster, total.
func (d *procedureDoc) rankingTable(ranked []competition.RankedApplication) document.Table {
	rows := []document.Row{{Cells: []document.Cell{
		{Text: d.t("col.rank"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.participant"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.cluster"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.total"), Bold: true, Align: document.AlignCenter},
	}}}
	for _, r := range ranked {
		rows = append(rows, document.Row{Cells: []document.Cell{
			{Text: strconv.Itoa(r.Rank), Align: document.AlignCenter},
			{Text: d.participantOf(r.Application)}, {Text: d.clusterOf(r.Application)},
			{Text: strconv.Itoa(r.Total), Align: document.AlignCenter},
		}})
	}
	return document.Table{Widths: []float64{10, 40, 36, 14}, HeaderRows: 1, Rows: rows}
}

// criteriaLegend names the criterion groups under the score table:
// "1.1–1.3 – Қалыптасқан аумақтық кластердің даму деңгейі".
func (d *procedureDoc) criteriaLegend() {
	d.add(document.Paragraph{Runs: []document.Run{{Text: d.t("review1.criteria_legend"), Bold: true}}, Size: 11, SpaceBeforePt: 4})
	for _, g := range competition.CriterionGroupList {
		var first, last string
		for _, c := range competition.Criteria {
			if c.Group == g.Number {
				if first == "" {
					first = c.ID
				}
				last = c.ID
			}
		}
		d.add(document.Paragraph{Runs: []document.Run{{Text: first + "–" + last + " – " + g.Title.In(d.l)}}, Size: 11})
	}
}
