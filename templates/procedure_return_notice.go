package templates

import (
	"strings"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// The organizer's letter returning an application with its reasons: item 16
// at stage 1 (against item 6), item 32 at stage 2 (against item 7).
func init() {
	registerProcedure(procedureKind{name: competition.DocReturnNotice, order: 130, perApplication: true,
		exampleApplication: "A-04", build: buildReturnNotice})
}

func buildReturnNotice(d *procedureDoc) error {
	a := d.cf.Application(d.app)
	r := d.p.ReturnOf(d.app)
	part := d.cf.Participant(a.Participant)
	item, required := "16", "6"
	if a.Stage == 2 {
		item, required = "32", "7"
	}
	d.add(d.subtitle(d.cf.Competition.Organizer.In(d.l)))
	d.add(document.Text(d.t("letter.ref", "number", r.Number, "date", d.plainDate(r.Date))))
	d.add(document.Spacer{HeightPt: 6})
	d.add(document.AnnexHeader{Lines: []string{
		part.Name.In(d.l),
		part.Address.In(d.l),
		part.Signatory.Position.In(d.l) + " " + part.Signatory.FullName,
	}})
	d.add(document.Spacer{HeightPt: 12})
	d.add(d.subtitle(d.t("return.title")))
	d.para("return.body"+map[int]string{1: "1", 2: "2"}[a.Stage],
		"number", a.Registration.Number, "date", d.plainDate(a.Registration.Date),
		"cluster", d.clusterOf(a), "item", item, "required", required)
	reasons := make([]string, 0, len(r.Reasons))
	for _, why := range r.Reasons {
		reasons = append(reasons, strings.TrimSpace(why.In(d.l)))
	}
	d.numbered(reasons)
	d.para("return.enclosed")
	d.organizerSignature()
	return nil
}
