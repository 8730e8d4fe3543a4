package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/deadline"
	"github.com/konkurs/konkurs/templates"
)

// competitionRow is one line of the competitions list.
type competitionRow struct {
	Entry        caseEntry
	Applications int
	Problems     []string
}

func (s *Server) handleCompetitions(w http.ResponseWriter, r *http.Request, rq *request) error {
	rows, err := s.competitionRows(rq)
	if err != nil {
		return err
	}
	s.renderPage(w, r, rq, http.StatusOK, "competitions", "web.competitions.title", competitionsPage{Rows: rows})
	return nil
}

func (s *Server) competitionRows(rq *request) ([]competitionRow, error) {
	list, err := s.cases.list()
	if err != nil {
		return nil, err
	}
	rows := make([]competitionRow, 0, len(list))
	for _, e := range list {
		row := competitionRow{Entry: e}
		if e.Case != nil {
			row.Applications = len(e.Case.Applications)
		} else {
			row.Problems = problemLines(e.Err, rq.lang)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// problemLines renders an error of a case file for the page.
func problemLines(err error, lang catalog.Lang) []string {
	var ve *competition.ValidationError
	if errors.As(err, &ve) {
		return ve.Lines(lang)
	}
	if err != nil {
		return []string{catalog.T(lang, "web.error.unreadable")}
	}
	return nil
}

// handleNewCompetition adds a competition from an uploaded case file; its
// problems are listed on the competitions page and nothing is written.
func (s *Server) handleNewCompetition(w http.ResponseWriter, r *http.Request, rq *request) error {
	data, err := uploadedFile(r, "casefile")
	if err != nil {
		return err
	}
	name := "casefile.yaml"
	if _, hdr, ferr := r.FormFile("casefile"); ferr == nil {
		name = hdr.Filename
	}
	cf, err := s.cases.create(data, name)
	if err == nil {
		http.Redirect(w, r, "/competitions/"+cf.Competition.ID+"?uploaded=1", http.StatusSeeOther)
		return nil
	}
	var ve *competition.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	rows, err := s.competitionRows(rq)
	if err != nil {
		return err
	}
	s.renderPage(w, r, rq, http.StatusUnprocessableEntity, "competitions", "web.competitions.title",
		competitionsPage{Rows: rows, Upload: ve.Lines(rq.lang)})
	return nil
}

// competitionsPage is the list of competitions with the new-competition form.
type competitionsPage struct {
	Rows   []competitionRow
	Upload []string
}

// competitionPage is the organizer's page of one competition.
type competitionPage struct {
	ID           string
	Entry        caseEntry
	Problems     []string
	Deadlines    []deadline.Record
	DeadlineErr  []string
	Timeline     template.HTML
	Applications []applicationRow
	CaseKinds    []kindRow
	AppKinds     []kindRow
	Register     registerForm
	Upload       []string // problems of a rejected upload
	Uploaded     bool
	Registered   string
}

type applicationRow struct {
	App         competition.Application
	Participant string
	Cluster     string
	Kinds       []kindRow // the documents of this application's stage
}

type kindRow struct {
	Name  string
	Title string
}

// registerForm is the registration form with its values and problems.
type registerForm struct {
	Fields  map[string]string
	Errors  map[string][]string
	General []string
}

func (s *Server) competitionPage(id string, rq *request) (competitionPage, error) {
	e, err := s.cases.get(id)
	if err != nil {
		return competitionPage{}, err
	}
	p := competitionPage{ID: id, Entry: e}
	p.Register = registerForm{Fields: map[string]string{"date": s.today().String(), "stage": "1",
		"paper_original": "on", "paper_copy": "on", "electronic": "on"}}
	if e.Case == nil {
		p.Problems = problemLines(e.Err, rq.lang)
		return p, nil
	}
	cf := e.Case
	if ds, err := s.deadlines(cf); err != nil {
		p.DeadlineErr = deadlineProblems(err, rq.lang)
	} else {
		for _, d := range ds {
			p.Deadlines = append(p.Deadlines, d.Record(cf.Competition.ID, rq.lang))
		}
		p.Timeline = template.HTML(timelineSVG(cf, ds, s.today(), rq.lang))
	}
	for _, k := range templates.Kinds() {
		if k.FromCaseFile == nil {
			continue
		}
		row := kindRow{Name: k.Name, Title: k.Title(rq.lang)}
		if perApplication(k) {
			p.AppKinds = append(p.AppKinds, row)
		} else {
			p.CaseKinds = append(p.CaseKinds, row)
		}
	}
	for _, a := range cf.Applications {
		row := applicationRow{App: a}
		for _, k := range p.AppKinds {
			// Annex 1 is the stage-1 form, Annex 4 the stage-2 one.
			if (k.Name == "annex1" && a.Stage != 1) || (k.Name == "annex4" && a.Stage != 2) {
				continue
			}
			row.Kinds = append(row.Kinds, k)
		}
		if pt := cf.Participant(a.Participant); pt != nil {
			row.Participant = pt.Name.In(string(rq.lang))
		}
		if cl := cf.Cluster(a.Cluster); cl != nil {
			row.Cluster = cl.Name.In(string(rq.lang))
		}
		p.Applications = append(p.Applications, row)
	}
	return p, nil
}

func (s *Server) deadlines(cf *competition.CaseFile) ([]deadline.Deadline, error) {
	ev := deadline.Evaluator{Calendar: s.opts.Calendar, Horizon: s.opts.Horizon}
	return ev.Evaluate(deadline.FromCaseFile(cf), s.today())
}

func deadlineProblems(err error, lang catalog.Lang) []string {
	var oe *deadline.OrderError
	if errors.As(err, &oe) {
		return oe.Lines(lang)
	}
	return []string{catalog.T(lang, "web.error.deadlines")}
}

func (s *Server) handleCompetition(w http.ResponseWriter, r *http.Request, rq *request) error {
	p, err := s.competitionPage(r.PathValue("id"), rq)
	if err != nil {
		return err
	}
	p.Uploaded = r.URL.Query().Get("uploaded") == "1"
	p.Registered = r.URL.Query().Get("registered")
	s.renderPage(w, r, rq, http.StatusOK, "competition", "web.competition.title", p)
	return nil
}

func (s *Server) handleTimelineSVG(w http.ResponseWriter, r *http.Request, rq *request) error {
	e, err := s.cases.get(r.PathValue("id"))
	if err != nil {
		return err
	}
	if e.Case == nil {
		return e.Err
	}
	ds, err := s.deadlines(e.Case)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "no-store")
	_, err = io.WriteString(w, timelineSVG(e.Case, ds, s.today(), rq.lang))
	return err
}

// applicationInput is a registration as the API takes it.
type applicationInput struct {
	ID            string `json:"id"`
	Stage         int    `json:"stage"`
	Participant   string `json:"participant"`
	Cluster       string `json:"cluster"`
	SkippedStage1 bool   `json:"skipped_stage1,omitempty"`
	Registration  struct {
		Number        string           `json:"number"`
		Date          competition.Date `json:"date"`
		Time          string           `json:"time,omitempty"`
		ReceivedBy    string           `json:"received_by,omitempty"`
		PaperOriginal bool             `json:"paper_original"`
		PaperCopy     bool             `json:"paper_copy"`
		Electronic    bool             `json:"electronic"`
	} `json:"registration"`
}

// register adds an application to the case file. The whole case file is
// validated with it, so item 13 (no application after the deadline) and
// every other rule apply; problems are named by the application's own
// field paths ("registration.date").
func (s *Server) register(id string, in applicationInput) (competition.Application, error) {
	e, err := s.cases.get(id)
	if err != nil {
		return competition.Application{}, err
	}
	if e.Case == nil {
		return competition.Application{}, e.Err
	}
	app := competition.Application{ID: in.ID, Stage: in.Stage, Participant: in.Participant, Cluster: in.Cluster, SkippedStage1: in.SkippedStage1,
		Registration: &competition.Registration{Number: in.Registration.Number, Date: in.Registration.Date, Time: in.Registration.Time,
			ReceivedBy: in.Registration.ReceivedBy, PaperOriginal: in.Registration.PaperOriginal, PaperCopy: in.Registration.PaperCopy,
			Electronic: in.Registration.Electronic}}
	if app.ID == "" {
		app.ID = nextApplicationID(e.Case)
	}
	ve := &competition.ValidationError{}
	// Item 13: an application is registered when it is received, so a
	// registration dated after today would let a late one in.
	if !app.Registration.Date.IsZero() && s.today().String() < app.Registration.Date.String() {
		ve.Add("registration.date", "web_future_date", "date", app.Registration.Date.String())
	}
	if err := ve.Err(); err != nil {
		return app, err
	}
	data, err := readFileLimited(e.Path)
	if err != nil {
		return app, err
	}
	var next []byte
	if strings.EqualFold(filepath.Ext(e.Path), ".json") {
		cf := *e.Case
		cf.Applications = append(append([]competition.Application(nil), cf.Applications...), app)
		next, err = json.MarshalIndent(cf, "", "  ")
	} else {
		next, err = withApplication(data, app)
	}
	if err != nil {
		return app, err
	}
	index := len(e.Case.Applications)
	if _, err := s.cases.replace(e, next); err != nil {
		return app, relativeToApplication(err, index)
	}
	s.metrics.inc("konkurs_applications_registered_total")
	return app, nil
}

// relativeToApplication rewrites "applications[N].x" paths of the new
// application to "x", the names of the registration form's fields.
func relativeToApplication(err error, index int) error {
	var ve *competition.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	prefix := fmt.Sprintf("applications[%d].", index)
	out := &competition.ValidationError{File: ve.File}
	for _, fe := range ve.Errors {
		fe.Path = strings.TrimPrefix(fe.Path, prefix)
		out.Errors = append(out.Errors, fe)
	}
	return out
}

func nextApplicationID(cf *competition.CaseFile) string {
	for n := len(cf.Applications) + 1; ; n++ {
		id := fmt.Sprintf("A-%02d", n)
		if cf.Application(id) == nil {
			return id
		}
	}
}

func readFileLimited(p string) ([]byte, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	if len(data) > competition.MaxInputSize {
		return nil, errTooLarge
	}
	return data, nil
}

// handleRegisterForm registers from the page's form; problems come back on
// the page next to the fields.
func (s *Server) handleRegisterForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	id := r.PathValue("id")
	fields := map[string]string{}
	for _, name := range []string{"id", "stage", "participant", "cluster", "number", "date", "time", "received_by", "paper_original", "paper_copy", "electronic"} {
		fields[name] = strings.TrimSpace(r.PostFormValue(name))
	}
	var in applicationInput
	in.ID, in.Participant, in.Cluster = fields["id"], fields["participant"], fields["cluster"]
	in.Stage, _ = strconv.Atoi(fields["stage"])
	in.Registration.Number, in.Registration.Time, in.Registration.ReceivedBy = fields["number"], fields["time"], fields["received_by"]
	in.Registration.PaperOriginal = fields["paper_original"] != ""
	in.Registration.PaperCopy = fields["paper_copy"] != ""
	in.Registration.Electronic = fields["electronic"] != ""
	pre := &competition.ValidationError{}
	if d, err := competition.ParseDate(fields["date"]); err == nil {
		in.Registration.Date = d
	} else {
		pre.Add("registration.date", "web_date", "value", fields["date"])
	}
	var err error
	var app competition.Application
	if err = pre.Err(); err == nil {
		app, err = s.register(id, in)
	}
	if err == nil {
		http.Redirect(w, r, "/competitions/"+id+"?registered="+app.ID+"#applications", http.StatusSeeOther)
		return nil
	}
	var ve *competition.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	p, perr := s.competitionPage(id, rq)
	if perr != nil {
		return perr
	}
	p.Register = registerForm{Fields: fields, Errors: map[string][]string{}}
	formNames := map[string]string{"id": "id", "stage": "stage", "participant": "participant", "cluster": "cluster",
		"registration.number": "number", "registration.date": "date", "registration.time": "time", "registration.received_by": "received_by"}
	for _, fe := range ve.Errors {
		if name, ok := formNames[fe.Path]; ok {
			p.Register.Errors[name] = append(p.Register.Errors[name], fe.Message(rq.lang))
		} else {
			p.Register.General = append(p.Register.General, strings.TrimPrefix(fe.Path+": ", ": ")+fe.Message(rq.lang))
		}
	}
	s.renderPage(w, r, rq, http.StatusUnprocessableEntity, "competition", "web.competition.title", p)
	return nil
}

// handleCaseFileUploadForm takes a new version of the case file from the
// page; its problems are shown on the page and nothing is replaced.
func (s *Server) handleCaseFileUploadForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	id := r.PathValue("id")
	e, err := s.cases.get(id)
	if err != nil {
		return err
	}
	data, err := uploadedFile(r, "casefile")
	if err != nil {
		return err
	}
	if _, err = s.cases.replace(e, data); err == nil {
		http.Redirect(w, r, "/competitions/"+id+"?uploaded=1", http.StatusSeeOther)
		return nil
	}
	var ve *competition.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	p, perr := s.competitionPage(id, rq)
	if perr != nil {
		return perr
	}
	p.Upload = ve.Lines(rq.lang)
	s.renderPage(w, r, rq, http.StatusUnprocessableEntity, "competition", "web.competition.title", p)
	return nil
}

// uploadedFile reads a multipart file field (or, without one, a text
// field of the same name).
func uploadedFile(r *http.Request, field string) ([]byte, error) {
	f, _, err := r.FormFile(field)
	if err == nil {
		defer f.Close()
		return io.ReadAll(f)
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, errTooLarge
	}
	if v := r.PostFormValue(field); v != "" {
		return []byte(v), nil
	}
	return nil, statusError(http.StatusBadRequest, "web.error.no_file")
}
