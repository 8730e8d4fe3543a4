package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/examples"
	"github.com/konkurs/konkurs/templates"
)

// caseDocument renders a document of a competition from its case file:
// a whole-case kind (protocols, minutes: organizers only) or an
// application's form (its own applicant may render it too).
func (s *Server) caseDocument(ctx context.Context, rq *request, id, kindName, application, lang, format string) (renderedFile, error) {
	k, err := templates.Lookup(kindName)
	if err != nil || k.FromCaseFile == nil {
		return renderedFile{}, errNotFound
	}
	e, err := s.cases.get(id)
	if err != nil {
		return renderedFile{}, err
	}
	if rq.user.Role == Applicant {
		// An applicant sees only their own applications; anything else is
		// "not found" so that others' IDs cannot be probed.
		if e.Case == nil || k.CaseFileInput || application == "" {
			return renderedFile{}, errForbidden
		}
		a := e.Case.Application(application)
		if a == nil || !rq.owns(a.Participant) {
			return renderedFile{}, errNotFound
		}
	}
	if e.Case == nil {
		return renderedFile{}, e.Err
	}
	if perApplication(k) && application == "" {
		return renderedFile{}, statusError(http.StatusBadRequest, "web.error.no_application")
	}
	if application != "" && e.Case.Application(application) == nil {
		return renderedFile{}, errNotFound
	}
	l, err := docLang(lang, rq.lang)
	if err != nil {
		return renderedFile{}, err
	}
	wr, err := writerFor(format)
	if err != nil {
		return renderedFile{}, err
	}
	in, err := k.FromCaseFile(e.Case, application)
	if err != nil {
		return renderedFile{}, inputProblem(err)
	}
	return s.renderOne(ctx, k, in, l, wr, false)
}

func (s *Server) handleCaseDocument(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f, err := s.caseDocument(r.Context(), rq, r.PathValue("id"), r.PathValue("kind"), q.Get("application"), q.Get("lang"), q.Get("format"))
	if err != nil {
		return err
	}
	sendFile(w, f, q.Get("inline") == "1")
	return nil
}

// perApplication reports whether a case-file kind is made for one
// application (Annexes 1 and 4, receipts, return notices) rather than for
// the whole competition (protocols, minutes).
func perApplication(k *templates.Kind) bool {
	return !k.CaseFileInput || k.ExampleApplication != ""
}

// previewPage shows a case document as an embedded PDF with downloads.
type previewPage struct {
	ID, Kind, Title, Application string
	DocLang                      catalog.Lang
	PDF, DOCX, Inline            template.URL // the document's links
}

func (s *Server) handlePreview(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	id, kindName, application := r.PathValue("id"), q.Get("kind"), q.Get("application")
	l, err := docLang(q.Get("lang"), rq.lang)
	if err != nil {
		return err
	}
	// Render once here so that a problem shows as a page, not a broken frame.
	if _, err := s.caseDocument(r.Context(), rq, id, kindName, application, string(l), "pdf"); err != nil {
		return err
	}
	k, _ := templates.Lookup(kindName)
	v := url.Values{"lang": {string(l)}}
	if application != "" {
		v.Set("application", application)
	}
	s.renderPage(w, r, rq, http.StatusOK, "preview", "web.preview.title",
		previewPage{ID: id, Kind: kindName, Title: k.Title(l), Application: application, DocLang: l,
			PDF:    documentURL(id, kindName, v, "pdf", false),
			DOCX:   documentURL(id, kindName, v, "docx", false),
			Inline: documentURL(id, kindName, v, "pdf", true)})
	return nil
}

// documentURL is the link of a case document; built here, escaped once,
// so the template need not escape a query it cannot parse.
func documentURL(id, kind string, q url.Values, format string, inline bool) template.URL {
	v := url.Values{"format": {format}}
	for k, vals := range q {
		v[k] = vals
	}
	if inline {
		v.Set("inline", "1")
	}
	u := url.URL{Path: "/competitions/" + id + "/documents/" + kind, RawQuery: v.Encode()}
	return template.URL(u.String())
}

// myApplication is one of the applicant's own applications.
type myApplication struct {
	Competition string
	ID          string
	Stage       int
	Cluster     string
	Number      string
	Date        string
	Kind        string
}

func (s *Server) handleMyApplications(w http.ResponseWriter, r *http.Request, rq *request) error {
	s.renderPage(w, r, rq, http.StatusOK, "my_applications", "web.nav.my_applications", s.ownApplications(rq))
	return nil
}

func (s *Server) ownApplications(rq *request) []myApplication {
	list, _ := s.cases.list()
	var out []myApplication
	for _, e := range list {
		if e.Case == nil {
			continue
		}
		for _, a := range e.Case.Applications {
			if !rq.owns(a.Participant) {
				continue
			}
			m := myApplication{Competition: e.Case.Competition.ID, ID: a.ID, Stage: a.Stage, Kind: "annex1"}
			if a.Stage == 2 {
				m.Kind = "annex4"
			}
			if cl := e.Case.Cluster(a.Cluster); cl != nil {
				m.Cluster = cl.Name.In(string(rq.lang))
			}
			if a.Registration != nil {
				m.Number, m.Date = a.Registration.Number, a.Registration.Date.String()
			}
			out = append(out, m)
		}
	}
	return out
}

// documentsPage lists every document kind for rendering from an input.
type documentsPage struct{ Kinds []kindRow }

func (s *Server) handleDocuments(w http.ResponseWriter, r *http.Request, rq *request) error {
	var p documentsPage
	for _, k := range templates.Kinds() {
		p.Kinds = append(p.Kinds, kindRow{Name: k.Name, Title: k.Title(rq.lang)})
	}
	s.renderPage(w, r, rq, http.StatusOK, "documents", "web.documents.title", p)
	return nil
}

// documentForm renders any kind from its input in YAML, prefilled with
// the bundled example so the organizer edits rather than starts blank.
type documentForm struct {
	Kind, Title, Input string
	Blankable          bool
	CaseFile           bool // the input is a case file; Application names one
	Application        string
	Errors             []string
	DocLang            string
}

func (s *Server) handleDocumentForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	k, err := templates.Lookup(r.PathValue("kind"))
	if err != nil {
		return errNotFound
	}
	example, _ := examples.Files.ReadFile(k.ExampleFile())
	s.renderPage(w, r, rq, http.StatusOK, "document_form", "web.documents.render",
		documentForm{Kind: k.Name, Title: k.Title(rq.lang), Input: string(example), Blankable: k.Blankable, DocLang: "all",
			CaseFile: k.CaseFileInput, Application: k.ExampleApplication})
	return nil
}

func (s *Server) handleDocumentSubmit(w http.ResponseWriter, r *http.Request, rq *request) error {
	k, err := templates.Lookup(r.PathValue("kind"))
	if err != nil {
		return errNotFound
	}
	form := documentForm{Kind: k.Name, Title: k.Title(rq.lang), Input: r.PostFormValue("input"), Blankable: k.Blankable,
		DocLang: r.PostFormValue("doc_lang"), CaseFile: k.CaseFileInput, Application: strings.TrimSpace(r.PostFormValue("application"))}
	langs := catalog.DocumentLangs
	if l, ok := uiLang(form.DocLang); ok {
		langs = []catalog.Lang{l}
	}
	blank := r.PostFormValue("blank") != "" && k.Blankable
	var input any
	if blank {
		input = k.NewInput()
	} else if input, err = s.inputOf(k, []byte(form.Input), "input.yaml", form.Application); err != nil {
		if pe := problemLines(err, rq.lang); isInputProblem(err) {
			form.Errors = pe
			s.renderPage(w, r, rq, http.StatusUnprocessableEntity, "document_form", "web.documents.render", form)
			return nil
		}
		return err
	}
	files, err := s.renderSet(r.Context(), k, input, langs, blank)
	if err != nil {
		return err
	}
	res := s.results.put(rq.user.Name, k.Name, k.Title(rq.lang), files)
	http.Redirect(w, r, "/results/"+res.ID, http.StatusSeeOther)
	return nil
}

// inputOf decodes a kind's input; kinds that take a whole case file get
// one, validated like a case file on disk.
func (s *Server) inputOf(k *templates.Kind, data []byte, name, application string) (any, error) {
	if k.CaseFileInput && k.FromCaseFile != nil {
		cf, err := decodeCaseFile(data, name)
		if err != nil {
			return nil, err
		}
		in, err := k.FromCaseFile(cf, application)
		if err != nil {
			return nil, inputProblem(err)
		}
		return in, nil
	}
	return decodeInput(k, data, name)
}

func isInputProblem(err error) bool {
	_, ok := classify(err, catalog.EN)
	return ok && !strings.HasPrefix(err.Error(), "panic")
}
