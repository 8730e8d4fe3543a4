package web

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Cookie names. The session and CSRF cookies are HttpOnly and
// SameSite=Strict, and Secure when served over TLS.
const (
	sessionCookie = "konkurs_session"
	csrfCookie    = "konkurs_csrf"
	langCookie    = "konkurs_lang"
	csrfField     = "csrf"
	csrfHeader    = "X-CSRF-Token"
)

type session struct {
	user    string
	expires time.Time
}

// sessions are kept in memory: a restart logs everyone out, which is
// acceptable for a small staff and keeps no session secrets on disk.
type sessions struct {
	mu   sync.Mutex
	byID map[string]session
	ttl  time.Duration
	now  func() time.Time
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{byID: map[string]session{}, ttl: ttl, now: now}
}

func (s *sessions) create(user string) string {
	id := RandomSecret(32)
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, v := range s.byID { // drop expired sessions as new ones come
		if now.After(v.expires) {
			delete(s.byID, k)
		}
	}
	s.byID[id] = session{user: user, expires: now.Add(s.ttl)}
	return id
}

func (s *sessions) user(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.byID[id]
	if !ok || s.now().After(v.expires) {
		delete(s.byID, id)
		return "", false
	}
	return v.user, true
}

func (s *sessions) end(id string) {
	s.mu.Lock()
	delete(s.byID, id)
	s.mu.Unlock()
}

func (srv *Server) cookie(name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{
		Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: srv.opts.SecureCookies, SameSite: http.SameSiteStrictMode,
	}
}

// csrfToken returns the visitor's CSRF token, setting the cookie when the
// visitor has none. Forms carry it in a hidden field; scripts that use the
// session cookie send it in X-CSRF-Token (double submit: a foreign site can
// neither read the cookie nor, with SameSite=Strict, send it).
func (srv *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	token := RandomSecret(32)
	http.SetCookie(w, srv.cookie(csrfCookie, token, 0))
	// Later code in the same request (the page's forms) reads it from here.
	r.AddCookie(&http.Cookie{Name: csrfCookie, Value: token})
	return token
}

func csrfValid(r *http.Request) bool {
	c, err := r.Cookie(csrfCookie)
	if err != nil || len(c.Value) < 32 {
		return false
	}
	sent := r.Header.Get(csrfHeader)
	if sent == "" {
		sent = r.PostFormValue(csrfField)
	}
	return subtle.ConstantTimeCompare([]byte(sent), []byte(c.Value)) == 1
}

func bearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if t, ok := strings.CutPrefix(h, "Bearer "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}
