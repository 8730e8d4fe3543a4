package templates

import (
	"strconv"
	"strings"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/calendar"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The notice that the competition failed (item 41: fewer than two
// participants met items 6 and 7) with the latest date for announcing the
// new competition (item 42: within two months).
func init() {
	registerProcedure(procedureKind{name: competition.DocFailedNotice, order: 200,
		example: "failed-competition.yaml", build: buildFailedNotice})
}

// NewCompetitionMonths is item 42's limit for announcing the new competition.
const NewCompetitionMonths = 2

// NewCompetitionDue is the latest date of the new announcement: two months
// after the declaration, moved to the next working day when that is a day
// off (the counting rule of pipeline/calendar).
func NewCompetitionDue(declared competition.Date) competition.Date {
	d := calendar.DateOf(declared.Time)
	due, err := calendar.Embedded().AddMonths(d, NewCompetitionMonths)
	if err != nil {
		// Outside the calendar's years: the plain calendar date.
		due = calendar.SameDayMonthsLater(d, NewCompetitionMonths)
	}
	return competition.NewDate(due.Year(), due.Month(), due.Day())
}

func buildFailedNotice(d *procedureDoc) error {
	comp := d.cf.Competition
	f := d.p.Failure
	out := d.cf.Outcome()
	s := strconv.Itoa(out.Stage)
	d.add(d.subtitle(d.cf.Competition.Organizer.In(d.l)))
	d.add(document.Heading{Text: d.t("announcement.word"), Level: 1})
	d.add(d.subtitle(d.t("failed.title")))
	d.add(document.Table{Widths: []float64{1, 1}, Borderless: true, Size: document.BodySizePt, Rows: []document.Row{{Cells: []document.Cell{
		{Text: comp.Place.In(d.l) + "\n№ " + f.Number}, {Text: d.dateLine(f.Date), Align: document.AlignRight},
	}}}})
	d.add(document.Spacer{HeightPt: 6})
	d.para("failed.intro", "organizer", comp.Organizer.In(d.l), "year", strconv.Itoa(comp.Year))
	d.para("failed.reason"+s, "registered", strconv.Itoa(len(d.cf.Registered(out.Stage))),
		"count", strconv.Itoa(len(out.Compliant)), "min", strconv.Itoa(competition.MinCompliant))
	d.para("failed.compliant")
	if len(out.Compliant) > 0 {
		d.numbered(d.names(out.Compliant))
	} else {
		d.none()
	}
	if ret := d.cf.ReturnedAt(out.Stage); len(ret) > 0 {
		d.para("failed.returned" + s)
		items := make([]string, 0, len(ret))
		for _, a := range ret {
			r := d.p.ReturnOf(a.ID)
			reasons := make([]string, 0, len(r.Reasons))
			for _, why := range r.Reasons {
				reasons = append(reasons, strings.TrimSuffix(why.In(d.l), "."))
			}
			items = append(items, d.participantOf(a)+" — "+d.clusterOf(a)+": "+strings.Join(reasons, "; ")+".")
		}
		d.numbered(items)
	}
	d.para("failed.new", "date", d.plainDate(NewCompetitionDue(f.Date)), "declared", d.plainDate(f.Date))
	if comp.Website != "" {
		d.para("results.website", "website", comp.Website)
	}
	d.organizerSignature()
	return nil
}
