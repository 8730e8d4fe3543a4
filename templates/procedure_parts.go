package templates

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/wording"
)

// ProcedureInput is the input of a procedure document: the whole case file
// and, for per-application documents, the application.
type ProcedureInput struct {
	CaseFile    *competition.CaseFile
	Application string
}

// procedureKind describes one procedure document; registerProcedure turns
// it into a Kind whose input is always the case file.
type procedureKind struct {
	name               string
	order              int
	perApplication     bool
	example            string // default competition.yaml
	exampleApplication string
	build              func(d *procedureDoc) error
}

func registerProcedure(pk procedureKind) {
	example := pk.example
	if example == "" {
		example = "competition.yaml"
	}
	register(&Kind{
		Name:          pk.name,
		Order:         pk.order,
		NewInput:      func() any { return &competition.CaseFile{} },
		CaseFileInput: true,
		FromCaseFile: func(cf *competition.CaseFile, application string) (any, error) {
			if !pk.perApplication {
				application = ""
			}
			// The case file's own rules ran when it was loaded; here run the
			// checks this document depends on.
			if err := cf.ReadyFor(pk.name, application); err != nil {
				return nil, err
			}
			return &ProcedureInput{CaseFile: cf, Application: application}, nil
		},
		Build: func(input any, lang catalog.Lang, _ BuildOptions) (*document.Document, error) {
			in, err := procedureInputOf(input)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", pk.name, err)
			}
			if err := in.CaseFile.ReadyFor(pk.name, in.Application); err != nil {
				return nil, err
			}
			d := &procedureDoc{
				cf: in.CaseFile, p: in.CaseFile.Proc(), app: in.Application, lang: lang, l: string(lang),
				doc: &document.Document{Kind: pk.name, Lang: string(lang), Title: catalog.T(lang, "doc."+pk.name)},
			}
			if err := pk.build(d); err != nil {
				return nil, err
			}
			return d.doc, nil
		},
		Example:            example,
		ExampleApplication: pk.exampleApplication,
	})
}

func procedureInputOf(input any) (*ProcedureInput, error) {
	switch in := input.(type) {
	case *ProcedureInput:
		return in, nil
	case *competition.CaseFile:
		return &ProcedureInput{CaseFile: in}, nil
	}
	return nil, fmt.Errorf("input is %T, want a competition case file", input)
}

// procedureDoc is one procedure document being built in one language.
type procedureDoc struct {
	cf   *competition.CaseFile
	p    *competition.Procedure
	app  string
	lang catalog.Lang
	l    string
	doc  *document.Document
}

func (d *procedureDoc) add(b ...document.Block) { d.doc.Blocks = append(d.doc.Blocks, b...) }

// t is the catalog text of key in the document's language.
func (d *procedureDoc) t(key string, kv ...string) string {
	return catalog.T(d.lang, "proc."+key, kv...)
}

func (d *procedureDoc) para(key string, kv ...string) { d.add(document.Justified(d.t(key, kv...))) }

func (d *procedureDoc) bold(s string) document.Paragraph {
	return document.Paragraph{Runs: []document.Run{{Text: s, Bold: true}}, SpaceBeforePt: 6, KeepWithNext: true}
}

// dateLine is a document's own date ("2026 жылғы 22 мамыр", "«22» мая 2026 года").
func (d *procedureDoc) dateLine(date competition.Date) string {
	if d.lang == catalog.RU {
		return wording.DateRU(date.Time)
	}
	return wording.DatePlainKK(date.Time)
}

// dated is a date inside a sentence: the attributive Kazakh form ("2026
// жылғы 22 мамырдағы № 3 хаттама"), the plain Russian one.
func (d *procedureDoc) dated(date competition.Date) string {
	if d.lang == catalog.RU {
		return wording.DatePlainRU(date.Time)
	}
	return wording.DateKK(date.Time)
}

// plainDate is a date standing alone in a table cell or after a dash.
func (d *procedureDoc) plainDate(date competition.Date) string {
	if d.lang == catalog.RU {
		return wording.DatePlainRU(date.Time)
	}
	return wording.DatePlainKK(date.Time)
}

func (d *procedureDoc) participantOf(a *competition.Application) string {
	if p := d.cf.Participant(a.Participant); p != nil {
		return p.Name.In(d.l)
	}
	return a.Participant
}

func (d *procedureDoc) clusterOf(a *competition.Application) string {
	if c := d.cf.Cluster(a.Cluster); c != nil {
		return c.Name.In(d.l)
	}
	return a.Cluster
}

// registrationOf is "№ 01-12/0147, 2026 жылғы 12 наурыз".
func (d *procedureDoc) registrationOf(a *competition.Application) string {
	if a.Registration == nil {
		return "—"
	}
	return "№ " + a.Registration.Number + ", " + d.plainDate(a.Registration.Date)
}

// header prints the organ, the title, the number and the place and date row
// of a protocol or minutes.
func (d *procedureDoc) header(organ, title string, m *competition.Meeting) {
	d.add(document.Heading{Text: organ, Level: 1})
	d.add(document.Heading{Text: d.t("protocol.word") + " № " + m.Number, Level: 1})
	d.add(d.subtitle(title))
	place := d.cf.Competition.Place
	if m.Place != nil {
		place = *m.Place
	}
	d.add(document.Table{
		Widths: []float64{1, 1}, Borderless: true, Size: document.BodySizePt,
		Rows: []document.Row{{Cells: []document.Cell{
			{Text: place.In(d.l)},
			{Text: d.dateLine(m.SignedOn()), Align: document.AlignRight},
		}}},
	})
	if m.Signed != nil && !m.Signed.Equal(m.Date.Time) {
		d.add(document.Text(d.t("protocol.held", "date", d.plainDate(m.Date))))
	}
	d.add(document.Spacer{HeightPt: 6})
}

// subtitle is the centred bold line under a document's title ("о проведении ...").
func (d *procedureDoc) subtitle(s string) document.Paragraph {
	return document.Paragraph{Runs: []document.Run{{Text: s, Bold: true}}, Align: document.AlignCenter, SpaceAfterPt: 6}
}

// roleLabel names a role on the Commission or among the organizer's staff.
func (d *procedureDoc) roleLabel(commission bool, role string) string {
	body := "organizer"
	if commission {
		body = "commission"
	}
	return d.t("role." + body + "." + role)
}

// present lists those present grouped by role: chair, deputy, members,
// secretary.
func (d *procedureDoc) present(m *competition.Meeting) {
	commission := m.Commission()
	d.add(d.bold(d.t("protocol.present")))
	var rows []document.Row
	for _, role := range []string{competition.RoleChair, competition.RoleDeputy, competition.RoleMember, competition.RoleSecretary} {
		first := true
		for _, id := range m.Present {
			mem := d.p.MemberOf(commission, id)
			if mem == nil || mem.Role != role {
				continue
			}
			label := ""
			if first {
				label = d.roleLabel(commission, role)
				first = false
			}
			rows = append(rows, document.Row{Cells: []document.Cell{
				{Text: label, Bold: true}, {Text: mem.FullName}, {Text: mem.Position.In(d.l)},
			}})
		}
	}
	d.add(document.Table{Widths: []float64{33, 27, 40}, Borderless: true, Rows: rows})
}

func (d *procedureDoc) agenda(m *competition.Meeting) {
	if len(m.Agenda) == 0 {
		return
	}
	d.add(d.bold(d.t("protocol.agenda")))
	for i, a := range m.Agenda {
		d.add(document.Paragraph{Runs: []document.Run{{Text: strconv.Itoa(i+1) + ". " + a.In(d.l)}}, Align: document.AlignJustify, FirstLineIndent: true})
	}
}

// signatures: organizer protocols are signed by everyone present, the
// Commission's minutes by the chair (or the deputy chairing) and the secretary.
func (d *procedureDoc) signatures(m *competition.Meeting) {
	d.add(document.Spacer{HeightPt: 12})
	if m.Commission() {
		for _, mem := range d.cf.MinutesSigners(m) {
			role := mem.Role
			if role == competition.RoleDeputy {
				role = "presiding"
			}
			d.signature(d.roleLabel(true, role), mem.FullName)
		}
		return
	}
	for _, role := range []string{competition.RoleChair, competition.RoleDeputy, competition.RoleMember, competition.RoleSecretary} {
		for _, id := range m.Present {
			if mem := d.p.MemberOf(false, id); mem != nil && mem.Role == role {
				label := d.roleLabel(false, role)
				if role == competition.RoleMember {
					label = d.t("role.organizer.member_one") // each member signs for themself
				}
				d.signature(label, mem.FullName)
			}
		}
	}
}

func (d *procedureDoc) signature(position, name string) {
	d.add(document.SignatureBlock{
		Position:         position,
		Name:             name,
		SignatureCaption: catalog.T(d.lang, "form.caption.signature"),
		NameCaption:      catalog.T(d.lang, "form.caption.fullname"),
	})
}

// organizerSignature signs a letter or notice for the organizer.
func (d *procedureDoc) organizerSignature() {
	s := d.cf.OrganizerSignatory()
	d.add(document.Spacer{HeightPt: 18})
	d.signature(s.Position.In(d.l), s.FullName)
}

// numbered prints items as "1) ...", each its own justified paragraph.
func (d *procedureDoc) numbered(items []string) {
	for i, s := range items {
		d.add(document.Paragraph{Runs: []document.Run{{Text: strconv.Itoa(i+1) + ") " + s}}, Align: document.AlignJustify, FirstLineIndent: true})
	}
}

// applicationsTable lists applications: №, participant, cluster, and the
// extra columns with their relative widths (the first three take 51).
func (d *procedureDoc) applicationsTable(apps []*competition.Application, extraHeads []string, extraWidths []float64, extra func(a *competition.Application) []string) document.Table {
	head := []document.Cell{{Text: "№", Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.participant"), Bold: true, Align: document.AlignCenter},
		{Text: d.t("col.cluster"), Bold: true, Align: document.AlignCenter}}
	widths := append([]float64{5, 25, 21}, extraWidths...)
	for _, h := range extraHeads {
		head = append(head, document.Cell{Text: h, Bold: true, Align: document.AlignCenter})
	}
	rows := []document.Row{{Cells: head}}
	for i, a := range apps {
		cells := []document.Cell{{Text: strconv.Itoa(i + 1), Align: document.AlignCenter}, {Text: d.participantOf(a)}, {Text: d.clusterOf(a)}}
		for _, s := range extra(a) {
			cells = append(cells, document.Cell{Text: s})
		}
		rows = append(rows, document.Row{Cells: cells})
	}
	return document.Table{Widths: widths, HeaderRows: 1, Size: 10, Rows: rows}
}

// none prints the catalog's "none" line when a computed list is empty.
func (d *procedureDoc) none() { d.add(document.Text(d.t("none"))) }

// amount writes a sum in figures with thousands separators and in words:
// "470 500 000 (төрт жүз жетпіс миллион бес жүз мың) теңге".
func (d *procedureDoc) amount(n int64) string {
	words := wording.NumberKK(int(n))
	if d.lang == catalog.RU {
		words = wording.NumberRU(int(n))
	}
	return groupThousands(n) + " (" + words + ") " + d.t("tenge")
}

// points is "62 балл" / "62 балла": a score with its noun in the form a
// number takes (catalog: proc.points.one/few/many; Kazakh has one form).
func (d *procedureDoc) points(n int) string {
	return strconv.Itoa(n) + " " + wording.PluralRU(n, d.t("points.one"), d.t("points.few"), d.t("points.many"))
}

// pointsGenitive is the form after "не менее", "до": "51 балла", "50 баллов".
func (d *procedureDoc) pointsGenitive(n int) string {
	word := d.t("points.gen_many")
	if n%10 == 1 && n%100 != 11 {
		word = d.t("points.gen_one")
	}
	return strconv.Itoa(n) + " " + word
}

// groupThousands writes n with a no-break space between groups of three digits.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// partName names a document of an application (items 6 and 7).
func (d *procedureDoc) partName(part string) string { return d.t("part." + part) }

// finding is the conclusion's finding with its number and date.
func (d *procedureDoc) conclusion(c *competition.Conclusion) string {
	if c == nil {
		return "—"
	}
	s := d.t("finding."+c.Finding) + "\n" + d.t("conclusion.ref", "number", c.Number, "date", d.plainDate(c.Date))
	if c.Note != nil {
		s += "\n" + c.Note.In(d.l)
	}
	return s
}

// names joins "participant (cluster)" of applications for a sentence.
func (d *procedureDoc) names(apps []*competition.Application) []string {
	list := make([]string, 0, len(apps))
	for _, a := range apps {
		list = append(list, d.participantOf(a)+" — "+d.clusterOf(a))
	}
	return list
}
