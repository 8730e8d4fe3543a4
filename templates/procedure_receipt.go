package templates

import (
	"strconv"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The receipt for a registered application (items 9 and 13): its number,
// date and time, and what was handed in — the paper original and copy and
// the electronic copy. Registering after the deadline is refused when the
// case file is loaded (item 13), so no receipt exists for such a filing.
func init() {
	registerProcedure(procedureKind{name: competition.DocReceipt, order: 110, perApplication: true,
		exampleApplication: "A-01", build: buildReceipt})
}

func buildReceipt(d *procedureDoc) error {
	a := d.cf.Application(d.app)
	r := a.Registration
	part := d.cf.Participant(a.Participant)
	d.add(d.subtitle(d.cf.Competition.Organizer.In(d.l)))
	d.add(document.Heading{Text: d.t("receipt.title"), Level: 1})
	d.add(document.Spacer{HeightPt: 6})

	tm := r.Time
	if tm == "" {
		tm = "—"
	}
	participant := part.Name.In(d.l) + "\n" + d.t("receipt.bin", "bin", part.BIN)
	row := func(label, value string) document.Row {
		return document.Row{Cells: []document.Cell{{Text: label, Bold: true}, {Text: value}}}
	}
	d.add(document.Table{Widths: []float64{38, 62}, Rows: []document.Row{
		row(d.t("receipt.number"), r.Number),
		row(d.t("receipt.date"), d.plainDate(r.Date)),
		row(d.t("receipt.time"), tm),
		row(d.t("receipt.stage"), d.t("stage."+strconv.Itoa(a.Stage))),
		row(d.t("col.participant"), participant),
		row(d.t("col.cluster"), d.clusterOf(a)),
	}})

	d.add(d.bold(d.t("receipt.handed_in")))
	yes := func(b bool) string {
		if b {
			return d.t("yes")
		}
		return d.t("no")
	}
	head := document.Row{Cells: []document.Cell{{Text: "№", Bold: true, Align: document.AlignCenter},
		{Text: d.t("receipt.col.copy"), Bold: true, Align: document.AlignCenter}, {Text: d.t("receipt.col.given"), Bold: true, Align: document.AlignCenter}}}
	d.add(document.Table{Widths: []float64{8, 70, 22}, HeaderRows: 1, Rows: []document.Row{head,
		{Cells: []document.Cell{{Text: "1", Align: document.AlignCenter}, {Text: d.t("receipt.paper_original")}, {Text: yes(r.PaperOriginal), Align: document.AlignCenter}}},
		{Cells: []document.Cell{{Text: "2", Align: document.AlignCenter}, {Text: d.t("receipt.paper_copy")}, {Text: yes(r.PaperCopy), Align: document.AlignCenter}}},
		{Cells: []document.Cell{{Text: "3", Align: document.AlignCenter}, {Text: d.t("receipt.electronic")}, {Text: yes(r.Electronic), Align: document.AlignCenter}}},
	}})
	if !(r.PaperOriginal && r.PaperCopy && r.Electronic) {
		// Item 9: all three are required; the receipt records the gap, the
		// completeness check (items 15, 31) decides.
		d.para("receipt.item9_gap")
	}
	deadline := d.cf.Competition.Stage1Deadline
	if a.Stage == 2 && d.cf.Competition.Stage2Deadline != nil {
		deadline = *d.cf.Competition.Stage2Deadline
	}
	d.para("receipt.in_time", "deadline", d.plainDate(deadline))
	d.para("receipt.changes")
	d.add(document.Spacer{HeightPt: 12})
	d.signature(d.t("receipt.received_by"), r.ReceivedBy)
	d.signature(d.t("receipt.handed_by")+"\n"+part.Signatory.Position.In(d.l), part.Signatory.FullName)
	return nil
}
