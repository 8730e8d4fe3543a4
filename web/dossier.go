package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/konkurs/konkurs/atomicfile"
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/archive"
	"github.com/konkurs/konkurs/pipeline/dossier"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/pipeline/render"
)

// A dossier workspace holds one application's attachments in the order
// the applicant chose, under DATA_DIR/web/dossiers/COMPETITION/APPLICATION:
// attachments/*.pdf, attachments.json (the order and roles) and out/ (the
// last built dossier: volumes and manifest.json).

// attachment is one uploaded PDF of an application.
type attachment struct {
	File    string       `json:"file"` // name under attachments/
	Role    dossier.Role `json:"role"`
	TitleKK string       `json:"title_kk,omitempty"`
	TitleRU string       `json:"title_ru,omitempty"`
	Pages   int          `json:"pages,omitempty"`
	Size    int64        `json:"size"`
}

// buildJob is a dossier build running or finished; pages poll it.
type buildJob struct {
	mu sync.Mutex
	st buildState
}

// buildState is what a page shows of a build.
type buildState struct {
	Done     int
	Total    int
	Running  bool
	Problems []string
	Failed   bool
	Manifest *dossier.Manifest
}

func (j *buildJob) snapshot() buildState {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st
}

// Percent is the progress for the <progress> element.
func (j buildState) Percent() int {
	if j.Total == 0 {
		return 0
	}
	return j.Done * 100 / j.Total
}

type dossierBuilds struct {
	mu   sync.Mutex
	jobs map[string]*buildJob
}

// workspace finds the application and checks the caller may work on it:
// its own applicant, or an organizer.
func (s *Server) workspace(rq *request, competitionID, appID string) (string, *competition.CaseFile, *competition.Application, error) {
	if s.opts.DataDir == "" {
		return "", nil, nil, statusError(http.StatusServiceUnavailable, "web.error.no_data_dir")
	}
	e, err := s.cases.get(competitionID)
	if err != nil || e.Case == nil {
		return "", nil, nil, errNotFound
	}
	a := e.Case.Application(appID)
	if a == nil || !rq.owns(a.Participant) {
		return "", nil, nil, errNotFound
	}
	dir := filepath.Join(s.opts.DataDir, "web", "dossiers", e.Case.Competition.ID, a.ID)
	return dir, e.Case, a, nil
}

func readAttachments(dir string) ([]attachment, error) {
	data, err := os.ReadFile(filepath.Join(dir, "attachments.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var list []attachment
	return list, json.Unmarshal(data, &list)
}

func writeAttachments(dir string, list []attachment) error {
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "attachments.json"), data, 0o644)
}

// dossierPage is the workspace page.
type dossierPage struct {
	Competition, Application string
	Stage                    int
	Attachments              []attachment
	Roles                    []dossier.Role
	Job                      buildState
	HasJob                   bool
	Problems                 []string
	Base                     string // the page's path
}

func (s *Server) dossierPage(rq *request, comp, app string) (dossierPage, string, error) {
	dir, _, a, err := s.workspace(rq, comp, app)
	if err != nil {
		return dossierPage{}, "", err
	}
	list, err := readAttachments(dir)
	if err != nil {
		return dossierPage{}, "", err
	}
	p := dossierPage{Competition: comp, Application: app, Stage: a.Stage, Attachments: list, Roles: dossier.Roles,
		Base: "/dossiers/" + comp + "/" + app}
	s.builds.mu.Lock()
	job := s.builds.jobs[dir]
	s.builds.mu.Unlock()
	if job != nil {
		p.Job, p.HasJob = job.snapshot(), true
	} else if m, err := readManifest(dir); err == nil {
		p.Job, p.HasJob = buildState{Manifest: m}, true
	}
	return p, dir, nil
}

func readManifest(dir string) (*dossier.Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, "out", "manifest.json"))
	if err != nil {
		return nil, err
	}
	var m dossier.Manifest
	return &m, json.Unmarshal(data, &m)
}

func (s *Server) handleDossier(w http.ResponseWriter, r *http.Request, rq *request) error {
	p, _, err := s.dossierPage(rq, r.PathValue("competition"), r.PathValue("app"))
	if err != nil {
		return err
	}
	if p.Job.Running {
		// The page refreshes itself while the build runs: progress without
		// script.
		w.Header().Set("Refresh", "1")
	}
	s.renderPage(w, r, rq, http.StatusOK, "dossier", "web.dossier.title", p)
	return nil
}

// handleDossierUpload adds an attachment: a PDF by content, of a role.
func (s *Server) handleDossierUpload(w http.ResponseWriter, r *http.Request, rq *request) error {
	comp, app := r.PathValue("competition"), r.PathValue("app")
	p, dir, err := s.dossierPage(rq, comp, app)
	if err != nil {
		return err
	}
	fail := func(key string) error {
		p.Problems = []string{catalog.T(rq.lang, key)}
		s.renderPage(w, r, rq, http.StatusUnprocessableEntity, "dossier", "web.dossier.title", p)
		return nil
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errTooLarge
		}
		return fail("web.error.no_file")
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	if !isPDF(data) {
		return fail("web.error.not_pdf")
	}
	role := dossier.Role(r.PostFormValue("role"))
	known := false
	for _, k := range dossier.Roles {
		known = known || k == role
	}
	if !known {
		return fail("web.dossier.bad_role")
	}
	att := attachment{Role: role, TitleKK: strings.TrimSpace(r.PostFormValue("title_kk")), TitleRU: strings.TrimSpace(r.PostFormValue("title_ru")), Size: int64(len(data))}
	if role == dossier.RoleOther && (att.TitleKK == "" || att.TitleRU == "") {
		return fail("web.dossier.other_needs_titles")
	}
	base := strings.Trim(signedNamePattern.ReplaceAllString(strings.TrimSuffix(filepath.Base(hdr.Filename), filepath.Ext(hdr.Filename)), "-"), "-.")
	if base == "" {
		base = "attachment"
	}
	att.File = fmt.Sprintf("%02d-%s.pdf", len(p.Attachments)+1, base)
	for i := 2; fileExists(filepath.Join(dir, "attachments", att.File)); i++ {
		att.File = fmt.Sprintf("%02d-%s-%d.pdf", len(p.Attachments)+1, base, i)
	}
	if err := atomicfile.Write(filepath.Join(dir, "attachments", att.File), data, 0o644); err != nil {
		return err
	}
	if err := writeAttachments(dir, append(p.Attachments, att)); err != nil {
		return err
	}
	http.Redirect(w, r, p.Base, http.StatusSeeOther)
	return nil
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// handleDossierOrder moves an attachment up or down, or removes it from the
// workspace (the applicant's own working copy; nothing archived is touched).
func (s *Server) handleDossierOrder(w http.ResponseWriter, r *http.Request, rq *request) error {
	p, dir, err := s.dossierPage(rq, r.PathValue("competition"), r.PathValue("app"))
	if err != nil {
		return err
	}
	i, err := strconv.Atoi(r.PostFormValue("index"))
	if err != nil || i < 0 || i >= len(p.Attachments) {
		return statusError(http.StatusBadRequest, "web.error.bad_query", "field", "index")
	}
	list := p.Attachments
	switch r.PostFormValue("action") {
	case "up":
		if i > 0 {
			list[i-1], list[i] = list[i], list[i-1]
		}
	case "down":
		if i+1 < len(list) {
			list[i+1], list[i] = list[i], list[i+1]
		}
	case "remove":
		_ = os.Remove(filepath.Join(dir, "attachments", list[i].File))
		list = append(list[:i], list[i+1:]...)
	default:
		return statusError(http.StatusBadRequest, "web.error.bad_query", "field", "action")
	}
	if err := writeAttachments(dir, list); err != nil {
		return err
	}
	http.Redirect(w, r, p.Base, http.StatusSeeOther)
	return nil
}

// handleDossierBuild starts building the numbered dossier in the
// background: the application form rendered from the case file first, then
// the attachments in their order.
func (s *Server) handleDossierBuild(w http.ResponseWriter, r *http.Request, rq *request) error {
	comp, app := r.PathValue("competition"), r.PathValue("app")
	dir, cf, a, err := s.workspace(rq, comp, app)
	if err != nil {
		return err
	}
	list, err := readAttachments(dir)
	if err != nil {
		return err
	}
	spec, err := s.dossierSpec(dir, cf, a, list, rq.lang)
	if err != nil {
		return err
	}
	s.builds.mu.Lock()
	if job := s.builds.jobs[dir]; job != nil && job.snapshot().Running {
		s.builds.mu.Unlock()
		http.Redirect(w, r, "/dossiers/"+comp+"/"+app, http.StatusSeeOther)
		return nil
	}
	job := &buildJob{st: buildState{Running: true, Total: len(spec.Documents)}}
	s.builds.jobs[dir] = job
	s.builds.mu.Unlock()
	lang := rq.lang
	go s.runBuild(job, dir, spec, lang)
	http.Redirect(w, r, "/dossiers/"+comp+"/"+app, http.StatusSeeOther)
	return nil
}

func (s *Server) runBuild(job *buildJob, dir string, spec *dossier.Spec, lang catalog.Lang) {
	out := filepath.Join(dir, "out")
	m, err := dossier.Build(context.Background(), spec, dossier.Options{
		OutDir: out, MaxSheets: s.opts.DossierMaxSheets, MessageLang: lang, CacheDir: s.opts.DossierCacheDir,
		Render: renderForDossier,
		Progress: func(done, total int) {
			job.mu.Lock()
			job.st.Done, job.st.Total = done, total
			job.mu.Unlock()
		},
	})
	job.mu.Lock()
	defer job.mu.Unlock()
	job.st.Running = false
	if err != nil {
		job.st.Failed = true
		var ie *dossier.InputError
		if errors.As(err, &ie) {
			for _, p := range ie.Problems {
				msg := catalog.T(lang, p.Key, p.Args...)
				if p.Where != "" {
					msg = strings.TrimPrefix(p.Where, dir+string(filepath.Separator)) + ": " + msg
				}
				job.st.Problems = append(job.st.Problems, msg)
			}
		} else {
			s.opts.Logger.Error("dossier build", "dir", dir, "err", err)
			job.st.Problems = []string{catalog.T(lang, "web.error.internal")}
		}
		return
	}
	job.st.Manifest = m
	job.st.Done = job.st.Total
}

// dossierSpec is the spec of the application's dossier: its form (Annex 1
// or 4, items 6.1 and 7.1) rendered from the case file, then the uploads.
func (s *Server) dossierSpec(dir string, cf *competition.CaseFile, a *competition.Application, list []attachment, lang catalog.Lang) (*dossier.Spec, error) {
	kind := "annex1"
	if a.Stage == 2 {
		kind = "annex4"
	}
	form, err := cf.ApplicationForm(a.ID)
	if err != nil {
		return nil, inputProblem(err)
	}
	data, err := yaml.Marshal(form)
	if err != nil {
		return nil, err
	}
	formPath := filepath.Join(dir, kind+".yaml")
	if err := atomicfile.Write(formPath, data, 0o644); err != nil {
		return nil, err
	}
	spec := &dossier.Spec{Stage: a.Stage, Date: s.today().String()}
	if a.Stage == 2 {
		took := !a.SkippedStage1
		spec.TookPartInStage1 = &took
	}
	if p := cf.Participant(a.Participant); p != nil {
		spec.Applicant = p.Name.In(string(lang))
		spec.Compiler = dossier.Compiler{PositionKK: p.Signatory.Position.KK, PositionRU: p.Signatory.Position.RU, Name: p.Signatory.FullName}
	}
	spec.Documents = append(spec.Documents, dossier.DocumentSpec{Role: dossier.Role(kind),
		Render: &dossier.RenderSpec{Kind: kind, Input: formPath, Lang: string(lang)}})
	for _, att := range list {
		spec.Documents = append(spec.Documents, dossier.DocumentSpec{Role: att.Role, TitleKK: att.TitleKK, TitleRU: att.TitleRU,
			File: filepath.Join(dir, "attachments", att.File)})
	}
	spec.SetDir(dir)
	return spec, nil
}

// renderForDossier renders a form konkurs makes itself as PDF.
func renderForDossier(_ context.Context, kind, inputPath string, lang catalog.Lang) ([]byte, error) {
	return render.File(kind, inputPath, lang, pdf.Writer{})
}

// handleDossierFile sends a volume or the manifest of the built dossier.
func (s *Server) handleDossierFile(w http.ResponseWriter, r *http.Request, rq *request) error {
	dir, _, _, err := s.workspace(rq, r.PathValue("competition"), r.PathValue("app"))
	if err != nil {
		return err
	}
	m, err := readManifest(dir)
	if err != nil {
		return errNotFound
	}
	name := r.URL.Query().Get("file")
	allowed := name == "manifest.json"
	for _, v := range append(m.Volumes, m.Copies...) {
		allowed = allowed || v.File == name
	}
	if !allowed {
		return errNotFound
	}
	data, err := os.ReadFile(filepath.Join(dir, "out", filepath.FromSlash(name)))
	if err != nil {
		return errNotFound
	}
	f := renderedFile{Name: filepath.Base(name), Data: data}
	if strings.HasSuffix(name, ".json") {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Disposition", `attachment; filename="manifest.json"`)
		_, err = w.Write(data)
		return err
	}
	sendFile(w, f, false)
	return nil
}

// handleDossiers lists the applications the caller may build dossiers for.
func (s *Server) handleDossiers(w http.ResponseWriter, r *http.Request, rq *request) error {
	s.renderPage(w, r, rq, http.StatusOK, "dossiers", "web.dossier.list_title", s.ownApplications(rq))
	return nil
}

// handleDossierArchive stores the built dossier (volumes and manifest) as
// the next version of the application's "dossier" document in the archive.
func (s *Server) handleDossierArchive(w http.ResponseWriter, r *http.Request, rq *request) error {
	a, err := s.archiveOrFail()
	if err != nil {
		return err
	}
	comp, app := r.PathValue("competition"), r.PathValue("app")
	dir, _, application, err := s.workspace(rq, comp, app)
	if err != nil {
		return err
	}
	if _, err := readManifest(dir); err != nil {
		return statusError(http.StatusConflict, "web.dossier.not_built")
	}
	res, err := a.PutDir(r.Context(), filepath.Join(dir, "out"), archive.SetSpec{
		Address: archive.Address{Competition: comp, Stage: application.Stage, Application: app, Document: "dossier"},
		Kind:    "dossier",
	})
	if err != nil {
		return archiveFailure(err)
	}
	s.renderPage(w, r, rq, http.StatusOK, "archived", "web.archive.stored", res)
	return nil
}
