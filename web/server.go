package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/archive"
	"github.com/konkurs/konkurs/pipeline/calendar"
)

// Options configure a Server. Zero values get safe defaults.
type Options struct {
	Users    *Users
	CasesDir string
	// DataDir holds the applicants' dossier workspaces (DATA_DIR/web/...).
	DataDir string
	// DossierMaxSheets and DossierCacheDir are the dossier settings.
	DossierMaxSheets int
	DossierCacheDir  string
	// Archive, when set, serves the archivist's pages and API.
	Archive *archive.Archive
	// Calendar counts working days for the deadlines (embedded when nil).
	Calendar *calendar.Calendar
	Horizon  int            // working days for "due soon"
	Location *time.Location // time zone of "today" (UTC when nil)
	Now      func() time.Time
	Logger   *slog.Logger

	DefaultLang    catalog.Lang
	SecureCookies  bool
	SessionTTL     time.Duration
	MaxUploadBytes int64
	// RatePerSecond and RateBurst limit each client; 0 turns the limit off.
	RatePerSecond  float64
	RateBurst      int
	LoginPerMinute int
}

// Server is the web application and API.
type Server struct {
	opts     Options
	users    *Users
	cases    *caseFiles
	sessions *sessions
	limiter  *rateLimiter
	logins   *rateLimiter
	metrics  *metrics
	pages    *pageSet
	results  *resultCache
	builds   dossierBuilds
	// renderSlots bounds the renders running at once (one per CPU).
	renderSlots chan struct{}
	mux         *http.ServeMux
	routes      []route
}

// New builds a server.
func New(opts Options) (*Server, error) {
	if opts.Users == nil {
		return nil, errors.New("web: no users")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.DefaultLang == "" {
		opts.DefaultLang = catalog.KK
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = 12 * time.Hour
	}
	if opts.MaxUploadBytes <= 0 {
		opts.MaxUploadBytes = 50 << 20
	}
	if opts.LoginPerMinute <= 0 {
		opts.LoginPerMinute = 10
	}
	if opts.Calendar == nil {
		opts.Calendar = calendar.Embedded()
	}
	pages, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{
		opts:        opts,
		users:       opts.Users,
		cases:       newCaseFiles(opts.CasesDir),
		sessions:    newSessions(opts.SessionTTL, opts.Now),
		limiter:     newRateLimiter(opts.RatePerSecond, opts.RateBurst, opts.Now),
		logins:      newRateLimiter(float64(opts.LoginPerMinute)/60, opts.LoginPerMinute, opts.Now),
		metrics:     newMetrics(opts.Now()),
		pages:       pages,
		results:     newResultCache(opts.Now),
		builds:      dossierBuilds{jobs: map[string]*buildJob{}},
		renderSlots: make(chan struct{}, runtime.GOMAXPROCS(0)),
		mux:         http.NewServeMux(),
	}
	s.routes = s.routeTable()
	for _, rt := range s.routes {
		s.mux.Handle(rt.pattern, s.wrap(rt))
	}
	// Unknown addresses get the same localized 404 as everything else: a
	// page for people, a problem document under /api/.
	notFound := func(http.ResponseWriter, *http.Request, *request) error { return errNotFound }
	s.mux.Handle("/api/", s.wrap(route{pattern: "/api/", access: public, api: true, handle: notFound}))
	s.mux.Handle("/", s.wrap(route{pattern: "/", access: public, handle: notFound}))
	s.mux.Handle("GET /static/", staticHandler())
	s.mux.HandleFunc("GET /healthz", s.handleHealth)
	s.mux.HandleFunc("GET /metrics", s.handleMetrics)
	return s, nil
}

// Handler is the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.mux }

// access says who may call a route.
type access int

const (
	public        access = iota // anyone, logged in or not
	authenticated               // any logged-in user; roles listed narrow it
)

// route is one entry of the route table; the authorization matrix test
// walks the same table.
type route struct {
	pattern string
	access  access
	roles   []Role // when set, only these roles
	api     bool   // JSON errors, Bearer tokens accepted
	handle  func(http.ResponseWriter, *http.Request, *request) error
}

// request is what a handler knows about the caller.
type request struct {
	user     *User
	lang     catalog.Lang
	viaToken bool
	csrf     string
	id       string
}

func (rq *request) is(roles ...Role) bool {
	return rq.user != nil && slices.Contains(roles, rq.user.Role)
}

// owns reports whether the caller may see participant's resources:
// organizers and archivists see all, applicants only their participant's.
func (rq *request) owns(participant string) bool {
	if rq.user == nil {
		return false
	}
	if rq.user.Role != Applicant {
		return true
	}
	return participant != "" && rq.user.Participant == participant
}

func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		// Counted when the status is sent, so a client that has its answer
		// also sees it in /metrics.
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK, onHeader: func(code int) {
			s.metrics.inc("konkurs_http_requests_total", "route", rt.pattern, "code", fmt.Sprint(code))
			s.metrics.observe(time.Since(start))
		}}
		rq := &request{lang: s.langOf(r), id: RandomSecret(6)}
		defer func() {
			if p := recover(); p != nil {
				s.opts.Logger.Error("panic", "request", rq.id, "route", rt.pattern, "panic", fmt.Sprint(p))
				if !rec.wrote {
					s.fail(rec, r, rt, rq, fmt.Errorf("panic: %v", p))
				}
			}
			if !rec.wrote {
				rec.WriteHeader(http.StatusOK)
			}
		}()
		w = rec
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "same-origin")
		if s.opts.SecureCookies {
			w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		}
		if !rt.api {
			w.Header().Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'; form-action 'self'; object-src 'self'")
			w.Header().Set("X-Frame-Options", "SAMEORIGIN")
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUploadBytes)
		if err := s.authenticate(w, r, rt, rq); err != nil {
			s.fail(w, r, rt, rq, err)
			return
		}
		if err := rt.handle(w, r, rq); err != nil {
			s.fail(w, r, rt, rq, err)
		}
	})
}

// authenticate finds the caller, applies the rate limit, the route's roles
// and the CSRF check.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request, rt route, rq *request) error {
	key := "ip:" + clientAddr(r)
	if tok := bearerToken(r); tok != "" && rt.api {
		u, ok := s.users.ByToken(tok)
		if !ok {
			return errUnauthenticated
		}
		rq.user, rq.viaToken = &u, true
		key = "user:" + u.Name
	} else if c, err := r.Cookie(sessionCookie); err == nil {
		if name, ok := s.sessions.user(c.Value); ok {
			if u, ok := s.users.Lookup(name); ok {
				rq.user = &u
				key = "user:" + u.Name
			}
		}
	}
	if !s.limiter.allow(key) {
		s.metrics.inc("konkurs_rate_limited_total")
		w.Header().Set("Retry-After", "1")
		return errRateLimited
	}
	if !rt.api {
		rq.csrf = s.csrfToken(w, r)
	}
	if rt.access == authenticated {
		if rq.user == nil {
			return errUnauthenticated
		}
		if len(rt.roles) > 0 && !rq.is(rt.roles...) {
			return errForbidden
		}
	}
	unsafe := r.Method != http.MethodGet && r.Method != http.MethodHead
	if unsafe && !rq.viaToken && !csrfValid(r) {
		return errCSRF
	}
	return nil
}

// fail answers with the error: JSON for the API, a page for people, a
// redirect to the login page when a person is not logged in.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, rt route, rq *request, err error) {
	p, known := classify(err, rq.lang)
	if !known {
		s.opts.Logger.Error("request failed", "request", rq.id, "route", rt.pattern, "err", err)
		p.Request = rq.id
	}
	if rt.api {
		writeJSON(w, p.Status, p)
		return
	}
	if p.Status == http.StatusUnauthorized && r.Method == http.MethodGet {
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	s.renderPage(w, r, rq, p.Status, "error", "web.error.title", p)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// clientAddr is the peer's address without the port.
func clientAddr(r *http.Request) string {
	addr := r.RemoteAddr
	if i := strings.LastIndexByte(addr, ':'); i > 0 {
		addr = addr[:i]
	}
	return addr
}

type statusRecorder struct {
	http.ResponseWriter
	status   int
	wrote    bool
	onHeader func(code int)
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wrote {
		s.status, s.wrote = code, true
		s.onHeader(code)
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if !s.wrote {
		s.WriteHeader(http.StatusOK)
	}
	return s.ResponseWriter.Write(b)
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// today is the date in the configured time zone.
func (s *Server) today() calendar.Date { return calendar.DateOf(s.opts.Now().In(s.opts.Location)) }

// Shutdown is a hook for later resources (none yet held beyond memory).
func (s *Server) Shutdown(context.Context) error { return nil }
