package templates

import (
	"strconv"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The notice of the competition for the press and the organizer's website
// (items 4–5), with what the applications contain (items 6–9) and the
// deadline (item 13). Item 5's 60-day lead is checked when the case file
// is loaded, so a notice that would appear too late is never rendered.
func init() {
	registerProcedure(procedureKind{name: competition.DocAnnouncement, order: 100, build: buildAnnouncement})
}

func buildAnnouncement(d *procedureDoc) error {
	comp := d.cf.Competition
	d.add(document.Heading{Text: d.t("announcement.word"), Level: 1})
	d.add(d.subtitle(d.t("announcement.title")))
	d.add(document.Table{Widths: []float64{1, 1}, Borderless: true, Size: document.BodySizePt, Rows: []document.Row{{Cells: []document.Cell{
		{Text: comp.Place.In(d.l)}, {Text: d.dateLine(comp.AnnouncementDate), Align: document.AlignRight},
	}}}})
	d.add(document.Spacer{HeightPt: 6})
	d.para("announcement.intro", "organizer", comp.Organizer.In(d.l), "year", strconv.Itoa(comp.Year))
	d.para("announcement.stages")

	d.add(d.bold(d.t("announcement.who1")))
	d.para("announcement.who1_text")
	d.add(d.bold(d.t("announcement.who2")))
	d.para("announcement.who2_text")

	d.add(d.bold(d.t("announcement.docs1")))
	d.numbered([]string{d.t("announcement.doc1_1"), d.t("announcement.doc1_2"), d.t("announcement.doc1_3")})
	d.add(d.bold(d.t("announcement.docs2")))
	d.numbered([]string{d.t("announcement.doc2_1"), d.t("announcement.doc2_2"), d.t("announcement.doc2_3"), d.t("announcement.doc2_4"), d.t("announcement.doc2_5")})
	d.para("announcement.form")

	d.add(d.bold(d.t("announcement.deadlines")))
	d.para("announcement.deadline1", "date", d.plainDate(comp.Stage1Deadline))
	if comp.Stage2Deadline != nil {
		d.para("announcement.deadline2", "date", d.plainDate(*comp.Stage2Deadline))
	}
	d.para("announcement.withdraw")

	if a := d.p.Announcement; a != nil {
		d.add(d.bold(d.t("announcement.where")))
		d.add(document.Justified(d.t("announcement.address", "address", a.Address.In(d.l))))
		if a.Hours != "" {
			d.add(document.Justified(d.t("announcement.hours", "hours", a.Hours)))
		}
		if a.Phone != "" || a.Email != "" {
			d.add(document.Justified(d.t("announcement.contacts", "phone", a.Phone, "email", a.Email)))
		}
	}
	if comp.Website != "" {
		d.add(document.Justified(d.t("announcement.website", "website", comp.Website)))
	}
	// Item 5: say how far ahead of the deadline the notice appears.
	days := strconv.Itoa(comp.AnnouncementDate.DaysUntil(comp.Stage1Deadline))
	if a := d.p.Announcement; a != nil && a.Press != nil {
		d.para("announcement.published_press", "press", a.Press.In(d.l), "date", d.plainDate(comp.AnnouncementDate), "days", days)
	} else {
		d.para("announcement.published", "date", d.plainDate(comp.AnnouncementDate), "days", days)
	}
	if d.cf.OrganizerSignatory() != nil {
		d.organizerSignature()
	}
	return nil
}
