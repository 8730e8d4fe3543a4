package templates

import (
	"strconv"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The announcement of the results on the organizer's website (item 40),
// within 3 working days of receiving the Commission's minutes.
func init() {
	registerProcedure(procedureKind{name: competition.DocResults, order: 190, build: buildResults})
}

func buildResults(d *procedureDoc) error {
	comp := d.cf.Competition
	published, _ := d.cf.EventDate(competition.EventResultsPublished, "")
	minutes := d.p.Meeting(competition.DocStage2Minutes)
	d.add(document.Heading{Text: d.t("announcement.word"), Level: 1})
	d.add(d.subtitle(d.t("results.title")))
	d.add(document.Table{Widths: []float64{1, 1}, Borderless: true, Size: document.BodySizePt, Rows: []document.Row{{Cells: []document.Cell{
		{Text: comp.Place.In(d.l)}, {Text: d.dateLine(published), Align: document.AlignRight},
	}}}})
	d.add(document.Spacer{HeightPt: 6})
	d.para("results.intro", "organizer", comp.Organizer.In(d.l), "year", strconv.Itoa(comp.Year),
		"number", minutes.Number, "date", d.dated(minutes.SignedOn()))
	d.para("results.counts", "stage1", strconv.Itoa(len(d.cf.Registered(1))),
		"admitted", strconv.Itoa(d.admittedCount()), "stage2", strconv.Itoa(len(d.cf.Registered(2))))
	d.add(d.bold(d.t("results.winners")))
	rows := []document.Row{{Cells: []document.Cell{
		{Text: "№", Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.participant"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.cluster_region"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.support"), Bold: true, Align: document.AlignCenter},
	}}}
	for i, w := range d.p.Winners {
		a := d.cf.Application(w.Application)
		region := ""
		if c := d.cf.Cluster(a.Cluster); c != nil {
			region = c.Region.In(d.l)
		}
		rows = append(rows, document.Row{Cells: []document.Cell{
			{Text: strconv.Itoa(i + 1), Align: document.AlignCenter},
			{Text: d.participantOf(a)}, {Text: d.clusterOf(a) + "\n(" + region + ")"}, {Text: d.amount(w.TotalSupport())},
		}})
	}
	d.add(document.Table{Widths: []float64{5, 30, 36, 29}, HeaderRows: 1, Size: 11, Rows: rows})
	if comp.Website != "" {
		d.para("results.website", "website", comp.Website)
	}
	d.organizerSignature()
	return nil
}

func (d *procedureDoc) admittedCount() int {
	admitted, _, _ := d.cf.Admitted()
	return len(admitted)
}
