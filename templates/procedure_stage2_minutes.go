package templates

import (
	"strconv"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The Commission's minutes on stage 2 (items 38–39): the winners and the
// recommended state support — co-financing of cluster initiatives under
// each winner's roadmap — with amounts in figures and in words.
func init() {
	registerProcedure(procedureKind{name: competition.DocStage2Minutes, order: 180, build: buildStage2Minutes})
}

func buildStage2Minutes(d *procedureDoc) error {
	m := d.p.Meeting(competition.DocStage2Minutes)
	review := d.p.Meeting(competition.DocStage2Review)
	d.header(d.t("commission"), d.t("minutes2.title"), m)
	d.present(m)
	d.agenda(m)
	d.add(d.bold(d.t("protocol.heard")))
	d.para("minutes2.heard", "number", review.Number, "date", d.dated(review.SignedOn()))

	d.add(d.bold(d.t("protocol.decided")))
	d.para("minutes2.winners")
	winners := d.winnerApplications()
	d.numbered(d.names(winners))
	d.para("minutes2.support")
	d.add(d.supportTable())
	var others []*competition.Application
	for _, a := range d.cf.Stage2Candidates() {
		if d.p.WinnerOf(a.ID) == nil {
			others = append(others, a)
		}
	}
	d.para("minutes2.others")
	if len(others) > 0 {
		d.numbered(d.names(others))
	} else {
		d.none()
	}
	d.para("minutes2.formalised")
	d.add(document.Spacer{HeightPt: 6})
	d.signatures(m)
	return nil
}

// winnerApplications are the winners in the order the Commission gave them.
func (d *procedureDoc) winnerApplications() []*competition.Application {
	list := make([]*competition.Application, 0, len(d.p.Winners))
	for _, w := range d.p.Winners {
		list = append(list, d.cf.Application(w.Application))
	}
	return list
}

// supportTable: per winner its initiatives with amounts and its total.
func (d *procedureDoc) supportTable() document.Table {
	rows := []document.Row{{Cells: []document.Cell{
		{Text: "№", Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.participant_cluster"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.initiative"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.amount"), Bold: true, Align: document.AlignCenter},
	}}}
	var grand int64
	for i, w := range d.p.Winners {
		a := d.cf.Application(w.Application)
		for j, in := range w.Support {
			first := []document.Cell{}
			if j == 0 {
				first = []document.Cell{
					{Text: strconv.Itoa(i + 1), Align: document.AlignCenter, RowSpan: len(w.Support) + 1},
					{Text: d.participantOf(a) + "\n(" + d.clusterOf(a) + ")", RowSpan: len(w.Support) + 1},
				}
			}
			rows = append(rows, document.Row{Cells: append(first,
				document.Cell{Text: in.Name.In(d.l)}, document.Cell{Text: d.amount(in.Amount)})})
		}
		rows = append(rows, document.Row{Cells: []document.Cell{
			{Runs: []document.Run{{Text: d.t("total_for_winner"), Bold: true}}},
			{Runs: []document.Run{{Text: d.amount(w.TotalSupport()), Bold: true}}},
		}})
		grand += w.TotalSupport()
	}
	total := groupThousands(grand) + " " + d.t("tenge")
	if grand <= competition.MaxSupportTenge {
		total = d.amount(grand)
	}
	rows = append(rows, document.Row{Cells: []document.Cell{
		{Text: d.t("total_all"), Bold: true, ColSpan: 3}, {Text: total, Bold: true},
	}})
	return document.Table{Widths: []float64{6, 30, 34, 30}, HeaderRows: 1, Size: 11, Rows: rows}
}
