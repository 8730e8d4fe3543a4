package web

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/deadline"
	"github.com/konkurs/konkurs/templates"
)

func (s *Server) apiMe(w http.ResponseWriter, _ *http.Request, rq *request) error {
	writeJSON(w, http.StatusOK, map[string]string{"name": rq.user.Name, "role": string(rq.user.Role), "participant": rq.user.Participant})
	return nil
}

type kindInfo struct {
	Name          string            `json:"name"`
	Titles        map[string]string `json:"titles"`
	Blankable     bool              `json:"blankable"`
	FromCaseFile  bool              `json:"from_case_file"`
	CaseFileInput bool              `json:"case_file_input"`
}

func (s *Server) apiKinds(w http.ResponseWriter, _ *http.Request, _ *request) error {
	var out []kindInfo
	for _, k := range templates.Kinds() {
		out = append(out, kindInfo{Name: k.Name, Titles: map[string]string{"kk": k.Title("kk"), "ru": k.Title("ru")},
			Blankable: k.Blankable, FromCaseFile: k.FromCaseFile != nil, CaseFileInput: k.CaseFileInput})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiKind finds the kind of an API call; applicants may use only the
// forms an applicant fills in, not the organizer's protocols and minutes.
func apiKind(r *http.Request, rq *request) (*templates.Kind, error) {
	k, err := templates.Lookup(r.PathValue("kind"))
	if err != nil {
		return nil, errNotFound
	}
	if rq.user.Role == Applicant && k.CaseFileInput {
		return nil, errForbidden
	}
	return k, nil
}

// apiInput reads the JSON (or YAML) body as the kind's input.
func (s *Server) apiInput(r *http.Request, k *templates.Kind) (any, error) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	name := "body.json"
	if ct := r.Header.Get("Content-Type"); ct == "application/yaml" || ct == "application/x-yaml" || ct == "text/yaml" {
		name = "body.yaml"
	}
	return s.inputOf(k, data, name, r.URL.Query().Get("application"))
}

func (s *Server) apiValidate(w http.ResponseWriter, r *http.Request, rq *request) error {
	k, err := apiKind(r, rq)
	if err != nil {
		return err
	}
	if _, err := s.apiInput(r, k); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]bool{"valid": true})
	return nil
}

// apiRender renders one document: ?lang=kk|ru&format=pdf|docx, the body
// being the kind's input.
func (s *Server) apiRender(w http.ResponseWriter, r *http.Request, rq *request) error {
	k, err := apiKind(r, rq)
	if err != nil {
		return err
	}
	l, err := docLang(r.URL.Query().Get("lang"), rq.lang)
	if err != nil {
		return err
	}
	wr, err := writerFor(r.URL.Query().Get("format"))
	if err != nil {
		return err
	}
	blank := r.URL.Query().Get("blank") == "true"
	var in any
	if blank {
		if !k.Blankable {
			return statusError(http.StatusBadRequest, "web.error.no_blank")
		}
		in = k.NewInput()
	} else if in, err = s.apiInput(r, k); err != nil {
		return err
	}
	f, err := s.renderOne(r.Context(), k, in, l, wr, blank)
	if err != nil {
		return err
	}
	sendFile(w, f, false)
	return nil
}

// competitionSummary is a competition in the API's list.
type competitionSummary struct {
	ID           string   `json:"id"`
	File         string   `json:"file"`
	Valid        bool     `json:"valid"`
	Year         int      `json:"year,omitempty"`
	Applications []string `json:"applications"`
	Problems     []string `json:"problems,omitempty"`
}

func (s *Server) apiCompetitions(w http.ResponseWriter, _ *http.Request, rq *request) error {
	list, err := s.cases.list()
	if err != nil {
		return err
	}
	out := []competitionSummary{}
	for _, e := range list {
		c := competitionSummary{ID: e.ID(), File: e.File, Valid: e.Case != nil, Applications: []string{}}
		if e.Case == nil {
			if rq.user.Role == Applicant {
				continue
			}
			c.Problems = problemLines(e.Err, rq.lang)
		} else {
			c.Year = e.Case.Competition.Year
			for _, a := range e.Case.Applications {
				if rq.owns(a.Participant) {
					c.Applications = append(c.Applications, a.ID)
				}
			}
			if rq.user.Role == Applicant && len(c.Applications) == 0 {
				continue
			}
		}
		out = append(out, c)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// validCase returns the valid case file of the competition in the path.
func (s *Server) validCase(r *http.Request) (caseEntry, error) {
	e, err := s.cases.get(r.PathValue("id"))
	if err != nil {
		return e, err
	}
	if e.Case == nil {
		return e, e.Err
	}
	return e, nil
}

func (s *Server) apiCompetition(w http.ResponseWriter, r *http.Request, _ *request) error {
	e, err := s.validCase(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, e.Case)
	return nil
}

func (s *Server) apiDeadlines(w http.ResponseWriter, r *http.Request, rq *request) error {
	e, err := s.validCase(r)
	if err != nil {
		return err
	}
	ds, err := s.deadlines(e.Case)
	if err != nil {
		return statusError(http.StatusUnprocessableEntity, "web.error.deadlines")
	}
	recs := make([]deadline.Record, len(ds))
	for i, d := range ds {
		recs[i] = d.Record(e.Case.Competition.ID, rq.lang)
	}
	writeJSON(w, http.StatusOK, recs)
	return nil
}

func (s *Server) apiRegister(w http.ResponseWriter, r *http.Request, _ *request) error {
	var in applicationInput
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		ve := &competition.ValidationError{}
		ve.Add("", "syntax", "detail", err.Error())
		return ve
	}
	app, err := s.register(r.PathValue("id"), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, app)
	return nil
}

func (s *Server) apiUploadCaseFile(w http.ResponseWriter, r *http.Request, _ *request) error {
	e, err := s.cases.get(r.PathValue("id"))
	if err != nil {
		return err
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	cf, err := s.cases.replace(e, data)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": cf.Competition.ID, "applications": len(cf.Applications)})
	return nil
}

// apiApplication returns one application; an applicant gets only their own.
func (s *Server) apiApplication(w http.ResponseWriter, r *http.Request, rq *request) error {
	e, err := s.validCase(r)
	if err != nil {
		return err
	}
	a := e.Case.Application(r.PathValue("app"))
	if a == nil || !rq.owns(a.Participant) {
		return errNotFound
	}
	writeJSON(w, http.StatusOK, a)
	return nil
}

func (s *Server) apiCaseDocument(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	f, err := s.caseDocument(r.Context(), rq, r.PathValue("id"), r.PathValue("kind"), q.Get("application"), q.Get("lang"), q.Get("format"))
	if err != nil {
		return err
	}
	sendFile(w, f, false)
	return nil
}
