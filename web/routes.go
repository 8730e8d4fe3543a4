package web

import (
	"net/http"
)

// routeTable lists every page and API route with who may call it. Handlers
// check ownership (an applicant's own participant) themselves.
func (s *Server) routeTable() []route {
	org, app, arc := Organizer, Applicant, Archivist
	page := func(pattern string, h func(http.ResponseWriter, *http.Request, *request) error, roles ...Role) route {
		return route{pattern: pattern, access: authenticated, roles: roles, handle: h}
	}
	api := func(pattern string, h func(http.ResponseWriter, *http.Request, *request) error, roles ...Role) route {
		return route{pattern: pattern, access: authenticated, roles: roles, api: true, handle: h}
	}
	return []route{
		{pattern: "GET /login", access: public, handle: s.handleLoginForm},
		{pattern: "POST /login", access: public, handle: s.handleLogin},
		{pattern: "GET /lang", access: public, handle: s.handleLang},
		page("POST /logout", s.handleLogout),
		page("GET /{$}", s.handleHome),

		page("GET /applicant", s.handleMyApplications, app),
		page("GET /applicant/{annex}", s.handleAnnexForm, app, org),
		page("POST /applicant/{annex}", s.handleAnnexSubmit, app, org),
		page("GET /dossiers", s.handleDossiers, app, org),
		page("GET /dossiers/{competition}/{app}", s.handleDossier, app, org),
		page("POST /dossiers/{competition}/{app}/attachments", s.handleDossierUpload, app, org),
		page("POST /dossiers/{competition}/{app}/order", s.handleDossierOrder, app, org),
		page("POST /dossiers/{competition}/{app}/build", s.handleDossierBuild, app, org),
		page("GET /dossiers/{competition}/{app}/file", s.handleDossierFile, app, org),
		page("POST /dossiers/{competition}/{app}/archive", s.handleDossierArchive, org),
		page("GET /results/{id}", s.handleResult),
		page("GET /results/{id}/{name}", s.handleResultFile),

		page("GET /competitions", s.handleCompetitions, org),
		page("POST /competitions", s.handleNewCompetition, org),
		page("GET /competitions/{id}", s.handleCompetition, org),
		page("GET /competitions/{id}/timeline.svg", s.handleTimelineSVG, org),
		page("POST /competitions/{id}/applications", s.handleRegisterForm, org),
		page("POST /competitions/{id}/casefile", s.handleCaseFileUploadForm, org),
		page("GET /competitions/{id}/preview", s.handlePreview, org, app),
		page("GET /competitions/{id}/documents/{kind}", s.handleCaseDocument, org, app),
		page("GET /documents", s.handleDocuments, org),
		page("GET /documents/{kind}", s.handleDocumentForm, org),
		page("POST /documents/{kind}", s.handleDocumentSubmit, org),

		page("POST /competitions/{id}/archive", s.handleArchiveCaseDocument, org),
		page("GET /archive", s.handleArchive, arc, org),
		page("GET /archive/document", s.handleArchiveDocument, arc, org),
		page("GET /archive/download", s.handleArchiveDownload, arc, org),
		page("POST /archive/verify", s.handleArchiveVerify, arc, org),
		page("POST /archive/sign", s.handleArchiveSign, arc),

		{pattern: "GET /api/openapi.json", access: public, api: true, handle: s.handleOpenAPI},
		api("GET /api/me", s.apiMe),
		api("GET /api/kinds", s.apiKinds),
		api("POST /api/validate/{kind}", s.apiValidate, org, app),
		api("POST /api/render/{kind}", s.apiRender, org, app),
		api("GET /api/competitions", s.apiCompetitions, org, app, arc),
		api("GET /api/competitions/{id}", s.apiCompetition, org, arc),
		api("GET /api/competitions/{id}/deadlines", s.apiDeadlines, org),
		api("POST /api/competitions/{id}/applications", s.apiRegister, org),
		api("PUT /api/competitions/{id}/casefile", s.apiUploadCaseFile, org),
		api("GET /api/competitions/{id}/applications/{app}", s.apiApplication, org, app),
		api("GET /api/competitions/{id}/documents/{kind}", s.apiCaseDocument, org, app),
		api("POST /api/competitions/{id}/archive/{kind}", s.apiArchiveCaseDocument, org),
		api("GET /api/archive", s.apiArchive, arc, org),
		api("GET /api/archive/object", s.handleArchiveDownload, arc, org),
		api("POST /api/archive/verify", s.apiArchiveVerify, arc, org),
		api("POST /api/archive/sign", s.apiArchiveSign, arc),
	}
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request, rq *request) error {
	s.renderPage(w, r, rq, http.StatusOK, "home", "web.home.title", nil)
	return nil
}

type loginPage struct {
	Next, Name string
	Failed     bool
}

func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	if rq.user != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	s.renderPage(w, r, rq, http.StatusOK, "login", "web.login.title", loginPage{Next: localPath(r.URL.Query().Get("next"))})
	return nil
}

// handleLogin checks the password (attempts limited per address) and
// starts a new session; the old session id, if any, is dropped.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request, rq *request) error {
	if !s.logins.allow(clientAddr(r)) {
		s.metrics.inc("konkurs_rate_limited_total")
		return errRateLimited
	}
	name := r.PostFormValue("name")
	u, ok := s.users.Authenticate(name, r.PostFormValue("password"))
	if !ok {
		s.metrics.inc("konkurs_login_failures_total")
		s.renderPage(w, r, rq, http.StatusUnauthorized, "login", "web.login.title",
			loginPage{Next: localPath(r.PostFormValue("next")), Name: name, Failed: true})
		return nil
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.sessions.end(c.Value)
	}
	http.SetCookie(w, s.cookie(sessionCookie, s.sessions.create(u.Name), int(s.opts.SessionTTL.Seconds())))
	http.Redirect(w, r, localPath(r.PostFormValue("next")), http.StatusSeeOther)
	return nil
}

func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request, rq *request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.sessions.end(c.Value)
	}
	http.SetCookie(w, s.cookie(sessionCookie, "", -1))
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
