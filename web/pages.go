package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/konkurs/konkurs/catalog"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// pageSet holds one parsed template per page, each with the shared layout.
type pageSet struct{ byName map[string]*template.Template }

var templateFuncs = template.FuncMap{
	"join":      strings.Join,
	"add":       func(a, b int) int { return a + b },
	"hasSuffix": strings.HasSuffix,
	"mul":       func(a, b int) int { return a * b },
}

func loadPages() (*pageSet, error) {
	layout, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFiles, "templates/layout.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	ps := &pageSet{byName: map[string]*template.Template{}}
	for _, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(templateFiles, n)
		if err != nil {
			return nil, fmt.Errorf("page %s: %w", n, err)
		}
		ps.byName[base] = t
	}
	return ps, nil
}

func staticHandler() http.Handler {
	sub, _ := fs.Sub(staticFiles, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}

// view is what every page template gets.
type view struct {
	Lang     catalog.Lang
	User     *User
	CSRF     string
	Path     string // this page, for the language switch to come back to
	TitleKey string
	Data     any
}

// T is the catalog text of key in the page's language.
func (v view) T(key string, kv ...string) string { return catalog.T(v.Lang, key, kv...) }

// Langs are the languages a user can switch to.
func (v view) Langs() []catalog.Lang { return uiLangs }

// LangName is a language's own name, for the switch.
func (v view) LangName(l catalog.Lang) string { return catalog.T(l, "web.lang.self") }

// Role reports whether the user has role r (templates show role menus).
func (v view) Role(r string) bool { return v.User != nil && string(v.User.Role) == r }

// renderPage writes a page; a template failure becomes a plain 500 so a
// half-written page is never sent.
func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, rq *request, status int, name, titleKey string, data any) {
	t, ok := s.pages.byName[name]
	if !ok {
		http.Error(w, catalog.T(rq.lang, "web.error.internal"), http.StatusInternalServerError)
		return
	}
	v := view{Lang: rq.lang, User: rq.user, CSRF: rq.csrf, Path: r.URL.RequestURI(), TitleKey: titleKey, Data: data}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		s.opts.Logger.Error("template", "page", name, "request", rq.id, "err", err)
		http.Error(w, catalog.T(rq.lang, "web.error.internal"), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
