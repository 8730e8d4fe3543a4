package web

import (
	"net/http"
	"strings"

	"github.com/konkurs/konkurs/catalog"
)

// uiLangs are the languages of the pages; English exists only as the
// catalog's fallback for messages.
var uiLangs = []catalog.Lang{catalog.KK, catalog.RU}

// langOf picks the page language: ?lang=, the remembered cookie, the
// browser's Accept-Language, then the configured default.
func (s *Server) langOf(r *http.Request) catalog.Lang {
	if l, ok := uiLang(r.URL.Query().Get("lang")); ok {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := uiLang(c.Value); ok {
			return l
		}
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.ToLower(strings.TrimSpace(strings.SplitN(part, ";", 2)[0]))
		if l, ok := uiLang(strings.SplitN(tag, "-", 2)[0]); ok {
			return l
		}
	}
	return s.opts.DefaultLang
}

func uiLang(s string) (catalog.Lang, bool) {
	for _, l := range uiLangs {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}

// handleLang remembers the chosen language for a year and goes back to
// the page the user was on (only a local path, never another site).
func (s *Server) handleLang(w http.ResponseWriter, r *http.Request, rq *request) error {
	l, ok := uiLang(r.URL.Query().Get("to"))
	if !ok {
		return statusError(http.StatusBadRequest, "web.error.bad_lang")
	}
	c := s.cookie(langCookie, string(l), 365*24*3600)
	c.HttpOnly = false // a preference, not a secret
	http.SetCookie(w, c)
	http.Redirect(w, r, localPath(r.URL.Query().Get("back")), http.StatusSeeOther)
	return nil
}

// localPath keeps redirects on this site: "/x" is fine, "//host" and
// "https://host" are not.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, `/\`) {
		return "/"
	}
	return p
}
