package web

import (
	"net/http"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/templates"
)

// formField is one input of the Annex 1/4 form. Its name is the field's
// path in the input (as in YAML and in FieldError.Path), so a validation
// error lands next to the field it names.
type formField struct {
	Path     string
	LabelKey string
	HintKey  string
	Required bool
	Value    string
	Errors   []string
}

// ID is the HTML id of the field (dots are awkward in CSS selectors).
func (f formField) ID() string { return "f-" + strings.ReplaceAll(f.Path, ".", "-") }

// fieldset groups fields under a legend.
type fieldset struct {
	LegendKey string
	Fields    []formField
}

// annexForm is the page data of the Annex 1/4 form.
type annexForm struct {
	Kind      string
	Sets      []fieldset
	General   []string // problems not tied to a field
	DocLang   string
	Submitted bool
}

// applicationFormLayout lists the fields an applicant fills in. Item 6.1
// (Annex 1) and item 7.1 (Annex 4): the cluster, the participant and the
// person who signs; the receipt part is filled by the organizer.
func applicationFormLayout() []fieldset {
	return []fieldset{
		{LegendKey: "web.annex.cluster", Fields: []formField{
			{Path: "cluster.name.kk", LabelKey: "web.annex.cluster_name_kk", Required: true},
			{Path: "cluster.name.ru", LabelKey: "web.annex.cluster_name_ru", Required: true},
		}},
		{LegendKey: "web.annex.participant", Fields: []formField{
			{Path: "participant.name.kk", LabelKey: "web.annex.participant_name_kk", Required: true},
			{Path: "participant.name.ru", LabelKey: "web.annex.participant_name_ru", Required: true},
			{Path: "participant.bin", LabelKey: "web.annex.bin", HintKey: "web.annex.bin_hint"},
		}},
		{LegendKey: "web.annex.signatory", Fields: []formField{
			{Path: "participant.signatory.position.kk", LabelKey: "web.annex.position_kk", Required: true},
			{Path: "participant.signatory.position.ru", LabelKey: "web.annex.position_ru", Required: true},
			{Path: "participant.signatory.full_name", LabelKey: "web.annex.full_name", Required: true},
		}},
		{LegendKey: "web.annex.addressee", Fields: []formField{
			{Path: "addressee.kk", LabelKey: "web.annex.addressee_kk", HintKey: "web.annex.addressee_hint"},
			{Path: "addressee.ru", LabelKey: "web.annex.addressee_ru"},
		}},
	}
}

// formValues reads the posted fields (trimmed) by path.
func formValues(r *http.Request, sets []fieldset) map[string]string {
	vals := map[string]string{}
	for _, s := range sets {
		for _, f := range s.Fields {
			vals[f.Path] = strings.TrimSpace(r.PostFormValue(f.Path))
		}
	}
	return vals
}

// applicationFormOf builds the Annex 1/4 input from the fields.
func applicationFormOf(v map[string]string) *competition.ApplicationForm {
	f := &competition.ApplicationForm{
		Cluster: competition.FormCluster{Name: competition.Text{KK: v["cluster.name.kk"], RU: v["cluster.name.ru"]}},
		Participant: competition.FormApplicant{
			Name: competition.Text{KK: v["participant.name.kk"], RU: v["participant.name.ru"]},
			BIN:  v["participant.bin"],
			Signatory: competition.Signatory{
				Position: competition.Text{KK: v["participant.signatory.position.kk"], RU: v["participant.signatory.position.ru"]},
				FullName: v["participant.signatory.full_name"],
			},
		},
	}
	if v["addressee.kk"] != "" || v["addressee.ru"] != "" {
		f.Addressee = &competition.Text{KK: v["addressee.kk"], RU: v["addressee.ru"]}
	}
	return f
}

// valuesOfApplicationForm fills the fields from an existing form (a
// participant's data in a case file).
func valuesOfApplicationForm(f *competition.ApplicationForm) map[string]string {
	v := map[string]string{
		"cluster.name.kk":                   f.Cluster.Name.KK,
		"cluster.name.ru":                   f.Cluster.Name.RU,
		"participant.name.kk":               f.Participant.Name.KK,
		"participant.name.ru":               f.Participant.Name.RU,
		"participant.bin":                   f.Participant.BIN,
		"participant.signatory.position.kk": f.Participant.Signatory.Position.KK,
		"participant.signatory.position.ru": f.Participant.Signatory.Position.RU,
		"participant.signatory.full_name":   f.Participant.Signatory.FullName,
	}
	if f.Addressee != nil {
		v["addressee.kk"], v["addressee.ru"] = f.Addressee.KK, f.Addressee.RU
	}
	return v
}

// fillForm puts values and the problems of err (in lang) on the fields;
// problems whose path is no field go to General.
func fillForm(sets []fieldset, vals map[string]string, err error, lang catalog.Lang) ([]fieldset, []string) {
	byPath := map[string][]string{}
	var general []string
	if ve, ok := err.(*competition.ValidationError); ok {
		for _, fe := range ve.Errors {
			byPath[fe.Path] = append(byPath[fe.Path], fe.Message(lang))
		}
	}
	known := map[string]bool{}
	for i := range sets {
		for j := range sets[i].Fields {
			f := &sets[i].Fields[j]
			f.Value = vals[f.Path]
			f.Errors = byPath[f.Path]
			known[f.Path] = true
		}
	}
	for p, msgs := range byPath {
		if !known[p] {
			for _, m := range msgs {
				if p != "" {
					m = p + ": " + m
				}
				general = append(general, m)
			}
		}
	}
	return sets, general
}

func annexKind(name string) (*templates.Kind, error) {
	if name != "annex1" && name != "annex4" {
		return nil, errNotFound
	}
	return templates.Lookup(name)
}

// handleAnnexForm shows the empty form, filled with the applicant's own
// participant data when a case file knows it.
func (s *Server) handleAnnexForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	k, err := annexKind(r.PathValue("annex"))
	if err != nil {
		return err
	}
	vals := map[string]string{}
	if rq.user.Role == Applicant {
		vals = s.participantDefaults(rq.user.Participant)
	}
	sets, _ := fillForm(applicationFormLayout(), vals, nil, rq.lang)
	s.renderPage(w, r, rq, http.StatusOK, "annex", "web.annex.title."+k.Name, annexForm{Kind: k.Name, Sets: sets, DocLang: string(rq.lang)})
	return nil
}

// handleAnnexSubmit validates the form; with problems the form comes back
// with each problem next to its field, otherwise the documents are
// rendered and the result page offers them.
func (s *Server) handleAnnexSubmit(w http.ResponseWriter, r *http.Request, rq *request) error {
	k, err := annexKind(r.PathValue("annex"))
	if err != nil {
		return err
	}
	layout := applicationFormLayout()
	vals := formValues(r, layout)
	langs := []catalog.Lang{catalog.KK, catalog.RU}
	docLangValue := r.PostFormValue("doc_lang")
	if l, ok := uiLang(docLangValue); ok {
		langs = []catalog.Lang{l}
	}
	form := applicationFormOf(vals)
	if verr := templates.ValidateInput(form); verr != nil {
		sets, general := fillForm(layout, vals, verr, rq.lang)
		s.renderPage(w, r, rq, http.StatusUnprocessableEntity, "annex", "web.annex.title."+k.Name,
			annexForm{Kind: k.Name, Sets: sets, General: general, DocLang: docLangValue, Submitted: true})
		return nil
	}
	files, err := s.renderSet(r.Context(), k, form, langs, false)
	if err != nil {
		return err
	}
	res := s.results.put(rq.user.Name, k.Name, k.Title(rq.lang), files)
	http.Redirect(w, r, "/results/"+res.ID, http.StatusSeeOther)
	return nil
}

// participantDefaults finds the participant in the case files and fills
// the form's participant fields.
func (s *Server) participantDefaults(id string) map[string]string {
	list, _ := s.cases.list()
	for _, e := range list {
		if e.Case == nil {
			continue
		}
		if p := e.Case.Participant(id); p != nil {
			return valuesOfApplicationForm(&competition.ApplicationForm{
				Participant: competition.FormApplicant{Name: p.Name, BIN: p.BIN, Signatory: p.Signatory},
			})
		}
	}
	return map[string]string{}
}

// handleResult shows what was rendered: a PDF preview and the downloads.
func (s *Server) handleResult(w http.ResponseWriter, r *http.Request, rq *request) error {
	res, ok := s.results.get(r.PathValue("id"), rq.user.Name)
	if !ok {
		return errNotFound
	}
	s.renderPage(w, r, rq, http.StatusOK, "result", "web.result.title", res)
	return nil
}

// handleResultFile sends one file of a result.
func (s *Server) handleResultFile(w http.ResponseWriter, r *http.Request, rq *request) error {
	res, ok := s.results.get(r.PathValue("id"), rq.user.Name)
	if !ok {
		return errNotFound
	}
	for _, f := range res.Files {
		if f.Name == r.PathValue("name") {
			sendFile(w, f, r.URL.Query().Get("inline") == "1")
			return nil
		}
	}
	return errNotFound
}
