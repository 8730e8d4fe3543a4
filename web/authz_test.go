package web

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/konkurs/konkurs/templates"
)

// matrixCase is one API call tried by every caller, on the applicant's own
// resource and on another participant's.
type matrixCase struct {
	route  string // the route table's pattern it exercises
	method string
	path   func(own bool) string // request path and query
	body   func(t *testing.T, e *testEnv, own bool) (string, string)
	// allowed lists the callers that may make the call; "applicant" here
	// means "on their own resource" when ownership applies.
	allowed   []string
	ownership bool // applicants may reach only their own resource
}

// denial is the status a refused caller gets: 401 without credentials,
// 403 for a role that may not call the route, 404 for another
// participant's resource (so its existence is not revealed).
func denial(caller string, roleAllowed bool) int {
	switch {
	case caller == "":
		return http.StatusUnauthorized
	case !roleAllowed:
		return http.StatusForbidden
	}
	return http.StatusNotFound
}

var registrations atomic.Int64

func matrixCases(t *testing.T) []matrixCase {
	app := func(own bool) string {
		if own {
			return "A-01" // pavlodar-chamber: the "applicant" user's participant
		}
		return "A-02" // shymkent-spk: the "other" user's participant
	}
	fixed := func(p string) func(bool) string { return func(bool) string { return p } }
	annex1 := func(t *testing.T, _ *testEnv, _ bool) (string, string) {
		return exampleJSON(t, "annex1.yaml"), "application/json"
	}
	cases := []matrixCase{
		{route: "GET /api/openapi.json", method: "GET", path: fixed("/api/openapi.json"), allowed: []string{"", "organizer", "applicant", "archivist"}},
		{route: "GET /api/me", method: "GET", path: fixed("/api/me"), allowed: []string{"organizer", "applicant", "archivist"}},
		{route: "GET /api/kinds", method: "GET", path: fixed("/api/kinds"), allowed: []string{"organizer", "applicant", "archivist"}},
		{route: "POST /api/validate/{kind}", method: "POST", path: fixed("/api/validate/annex1"), body: annex1, allowed: []string{"organizer", "applicant"}},
		{route: "POST /api/render/{kind}", method: "POST", path: fixed("/api/render/annex1?lang=kk&format=pdf"), body: annex1, allowed: []string{"organizer", "applicant"}},
		{route: "GET /api/competitions", method: "GET", path: fixed("/api/competitions"), allowed: []string{"organizer", "applicant", "archivist"}},
		{route: "GET /api/competitions/{id}", method: "GET", path: fixed("/api/competitions/tc-2026"), allowed: []string{"organizer", "archivist"}},
		{route: "GET /api/competitions/{id}/deadlines", method: "GET", path: fixed("/api/competitions/tc-2026/deadlines"), allowed: []string{"organizer"}},
		{route: "POST /api/competitions/{id}/applications", method: "POST", path: fixed("/api/competitions/tc-2026/applications"),
			body: func(_ *testing.T, _ *testEnv, own bool) (string, string) {
				participant, cluster := "pavlodar-chamber", "pavlodar-metal"
				if !own {
					participant, cluster = "shymkent-spk", "south-pharma"
				}
				n := registrations.Add(1)
				return fmt.Sprintf(`{"stage":1,"participant":%q,"cluster":%q,"registration":{"number":"M-%d","date":"2026-03-18","paper_original":true}}`,
					participant, cluster, n), "application/json"
			}, allowed: []string{"organizer"}},
		{route: "PUT /api/competitions/{id}/casefile", method: "PUT", path: fixed("/api/competitions/tc-2026/casefile"),
			body: func(t *testing.T, e *testEnv, _ bool) (string, string) {
				data, err := os.ReadFile(filepath.Join(e.dir, "cases", "tc-2026.yaml"))
				if err != nil {
					t.Fatal(err)
				}
				return string(data), "application/yaml"
			}, allowed: []string{"organizer"}},
		{route: "GET /api/competitions/{id}/applications/{app}", method: "GET",
			path:    func(own bool) string { return "/api/competitions/tc-2026/applications/" + app(own) },
			allowed: []string{"organizer", "applicant"}, ownership: true},
		{route: "GET /api/competitions/{id}/documents/{kind}", method: "GET",
			path: func(own bool) string {
				return "/api/competitions/tc-2026/documents/annex1?lang=ru&format=pdf&application=" + app(own)
			},
			allowed: []string{"organizer", "applicant"}, ownership: true},
	}
	// Archive: the organizer stores, archivists (and organizers) read, only
	// archivists add signed copies; applicants never reach it.
	cases = append(cases,
		matrixCase{route: "POST /api/competitions/{id}/archive/{kind}", method: "POST", path: fixed("/api/competitions/tc-2026/archive/annex1?application=A-01"), allowed: []string{"organizer"}},
		matrixCase{route: "GET /api/archive", method: "GET", path: fixed("/api/archive?competition=tc-2026"), allowed: []string{"organizer", "archivist"}},
		matrixCase{route: "GET /api/archive/object", method: "GET", path: fixed("/api/archive/object?id=" + archivedAnnex1), allowed: []string{"organizer", "archivist"}},
		matrixCase{route: "POST /api/archive/verify", method: "POST", path: fixed("/api/archive/verify?prefix=tc-2026/"), allowed: []string{"organizer", "archivist"}},
		matrixCase{route: "POST /api/archive/sign", method: "POST", path: fixed("/api/archive/sign?name=signed.pdf&original=" + archivedAnnex1),
			body: func(t *testing.T, e *testEnv, _ bool) (string, string) {
				return string(signedScan(t, e)), "application/pdf"
			},
			allowed: []string{"archivist"}},
	)
	// A whole-competition procedure document, when one is built in: the
	// organizer's alone, even for an applicant of that competition.
	for _, k := range templates.Kinds() {
		if k.FromCaseFile != nil && !perApplication(k) {
			cases = append(cases, matrixCase{route: "GET /api/competitions/{id}/documents/{kind}", method: "GET",
				path: fixed("/api/competitions/tc-2026/documents/" + k.Name + "?lang=kk&format=docx"), allowed: []string{"organizer"}})
			break
		}
	}
	return cases
}

// archivedAnnex1 is the Kazakh PDF of A-01's Annex 1 once archived.
const archivedAnnex1 = "tc-2026/stage-1/application/A-01/annex1/v1/annex1.kk.pdf"

func TestAuthorizationMatrix(t *testing.T) {
	e := newTestEnv(t)
	// Something in the archive for the read routes to find.
	if resp := e.api("organizer", "POST", "/api/competitions/tc-2026/archive/annex1?application=A-01", nil, ""); resp.StatusCode != http.StatusCreated {
		t.Fatalf("archive annex1: %d %s", resp.StatusCode, readAll(t, resp))
	}
	cases := matrixCases(t)
	covered := map[string]bool{}
	for _, mc := range cases {
		covered[mc.route] = true
		for _, caller := range []string{"", "organizer", "applicant", "archivist"} {
			for _, own := range []bool{true, false} {
				roleAllowed := false
				for _, a := range mc.allowed {
					if a == caller {
						roleAllowed = true
					}
				}
				want := roleAllowed && (!mc.ownership || caller != "applicant" || own)
				name := fmt.Sprintf("%s %s/caller=%q/own=%v", mc.method, mc.path(own), caller, own)
				t.Run(name, func(t *testing.T) {
					var body io.Reader
					ct := ""
					if mc.body != nil {
						b, c := mc.body(t, e, own)
						body, ct = strings.NewReader(b), c
					}
					resp := e.api(caller, mc.method, mc.path(own), body, ct)
					text := readAll(t, resp)
					denied := resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusNotFound
					if want && denied {
						t.Fatalf("want allowed, got %d: %s", resp.StatusCode, text)
					}
					if !want {
						if wantStatus := denial(caller, roleAllowed); resp.StatusCode != wantStatus {
							t.Fatalf("want %d, got %d: %s", wantStatus, resp.StatusCode, text)
						}
						decodeProblem(t, text)
					}
				})
			}
		}
	}
	for _, rt := range e.srv.routes {
		if rt.api && !covered[rt.pattern] {
			t.Errorf("API route %s is not in the authorization matrix", rt.pattern)
		}
	}
}

// A second applicant sees the first one's application as not existing,
// and the first one's result files are not theirs either.
func TestApplicantsSeeOnlyTheirOwn(t *testing.T) {
	e := newTestEnv(t)
	resp := e.api("other", "GET", "/api/competitions", nil, "")
	body := readAll(t, resp)
	if !strings.Contains(body, `"A-02"`) || strings.Contains(body, `"A-01"`) {
		t.Errorf("other applicant's competitions list: %s", body)
	}
	// Pages: the applicant's own list shows A-01 only.
	c := e.login("applicant")
	page, status := e.get(c, "/applicant")
	if status != 200 || !strings.Contains(page, "A-01") || strings.Contains(page, "A-02") {
		t.Errorf("my applications page (%d) shows others' or misses own:\n%s", status, page)
	}
	if _, status := e.get(c, "/competitions/tc-2026/preview?kind=annex1&application=A-02"); status != http.StatusNotFound {
		t.Errorf("preview of another's application: %d, want 404", status)
	}
	if _, status := e.get(c, "/competitions/tc-2026/preview?kind=annex1&application=A-01"); status != http.StatusOK {
		t.Errorf("preview of own application: %d, want 200", status)
	}
	// A result rendered by one user is not found for another.
	token := e.csrfFrom(c, "/applicant/annex1")
	_, r := e.postForm(c, "/applicant/annex1", annexValues(token, "150340001236"))
	loc := r.Header.Get("Location")
	if r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/results/") {
		t.Fatalf("submit: %d %s", r.StatusCode, loc)
	}
	if _, status := e.get(e.login("other"), loc); status != http.StatusNotFound {
		t.Errorf("another user's result: %d, want 404", status)
	}
}

// pageCases are the pages each role may open (GET, with a session).
func TestPageAccessByRole(t *testing.T) {
	e := newTestEnv(t)
	pages := []struct {
		path    string
		allowed []string
	}{
		{"/", []string{"organizer", "applicant", "archivist"}},
		{"/applicant", []string{"applicant"}},
		{"/applicant/annex1", []string{"applicant", "organizer"}},
		{"/competitions", []string{"organizer"}},
		{"/competitions/tc-2026", []string{"organizer"}},
		{"/competitions/tc-2026/timeline.svg", []string{"organizer"}},
		{"/documents", []string{"organizer"}},
		{"/documents/annex1", []string{"organizer"}},
		{"/archive", []string{"organizer", "archivist"}},
		{"/dossiers", []string{"applicant", "organizer"}},
		{"/dossiers/tc-2026/A-01", []string{"applicant", "organizer"}},
	}
	for _, role := range []string{"organizer", "applicant", "archivist"} {
		c := e.login(role)
		for _, p := range pages {
			want := http.StatusForbidden
			for _, a := range p.allowed {
				if a == role {
					want = http.StatusOK
				}
			}
			if _, status := e.get(c, p.path); status != want {
				t.Errorf("%s GET %s: %d, want %d", role, p.path, status, want)
			}
		}
	}
	anon := e.browserClient()
	for _, p := range pages {
		resp, err := anon.Get(e.http.URL + p.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login?next=") {
			t.Errorf("anonymous GET %s: %d %s, want redirect to login", p.path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
}
