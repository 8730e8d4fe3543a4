package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/config"
	"github.com/konkurs/konkurs/examples"
	"github.com/konkurs/konkurs/pipeline/archive"
)

// dossierCacheDir is shared by every test: the PDF engine keeps its
// configuration directory in package state, so the first build of the
// process decides it and it must outlive each test's temporary directory.
var dossierCacheDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "konkurs-web-cache-")
	if err != nil {
		panic(err)
	}
	dossierCacheDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixedNow is "today" in the tests: after the example's stage-1 deadline
// (2026-03-20), so some deadlines are met and some are open.
var fixedNow = time.Date(2026, 3, 25, 9, 0, 0, 0, time.UTC)

const testPassword = "correct-horse-battery"

// testUser is one of the accounts of the test server.
type testUser struct {
	name, participant string
	role              Role
	token             string
}

// testEnv is a server on an httptest listener with one user per role, a
// second applicant (another participant) and the example competition.
type testEnv struct {
	t     testing.TB
	srv   *Server
	http  *httptest.Server
	dir   string
	users map[string]*testUser
}

func newTestEnv(t *testing.T, tweak ...func(*Options)) *testEnv { return newEnv(t, tweak...) }

// newBenchEnv is the test server for benchmarks, without a rate limit.
func newBenchEnv(b *testing.B) *testEnv {
	return newEnv(b, func(o *Options) { o.RatePerSecond = 0 })
}

func newEnv(t testing.TB, tweak ...func(*Options)) *testEnv {
	t.Helper()
	dir := t.TempDir()
	cases := filepath.Join(dir, "cases")
	if err := os.MkdirAll(cases, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := examples.Files.ReadFile("competition.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cases, "tc-2026.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	users, err := LoadUsers(filepath.Join(dir, "users.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	env := &testEnv{t: t, dir: dir, users: map[string]*testUser{
		"organizer": {name: "organizer", role: Organizer},
		"applicant": {name: "applicant", role: Applicant, participant: "pavlodar-chamber"},
		"other":     {name: "other", role: Applicant, participant: "shymkent-spk"},
		"archivist": {name: "archivist", role: Archivist},
	}}
	for _, u := range env.users {
		if err := users.Add(u.name, u.role, u.participant, testPassword); err != nil {
			t.Fatal(err)
		}
		if u.token, err = users.NewToken(u.name); err != nil {
			t.Fatal(err)
		}
	}
	// A real local archive (the embedded backend, with retention locks).
	arch, err := archive.Open(context.Background(), "file:"+filepath.Join(dir, "archive"), config.Default().Archive)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { arch.Close() })
	opts := Options{Users: users, CasesDir: cases, Archive: arch, DataDir: dir, DossierCacheDir: dossierCacheDir, Now: func() time.Time { return fixedNow }, DefaultLang: catalog.KK}
	for _, f := range tweak {
		f(&opts)
	}
	if env.srv, err = New(opts); err != nil {
		t.Fatal(err)
	}
	env.http = httptest.NewServer(env.srv.Handler())
	t.Cleanup(env.http.Close)
	return env
}

// api calls the API with a user's token ("" for no token).
func (e *testEnv) api(user, method, path string, body io.Reader, contentType string) *http.Response {
	e.t.Helper()
	req, err := http.NewRequest(method, e.http.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if user != "" {
		req.Header.Set("Authorization", "Bearer "+e.users[user].token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp
}

// browserClient is a cookie-keeping client that does not follow redirects,
// so tests see the 303s.
func (e *testEnv) browserClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var csrfInput = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// login logs user in through the login form and returns the client.
func (e *testEnv) login(user string) *http.Client {
	e.t.Helper()
	c := e.browserClient()
	token := e.csrfFrom(c, "/login")
	resp, err := c.PostForm(e.http.URL+"/login", url.Values{"csrf": {token}, "name": {user}, "password": {testPassword}, "next": {"/"}})
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("login %s: status %d", user, resp.StatusCode)
	}
	return c
}

// csrfFrom loads a page and returns the CSRF token of its forms.
func (e *testEnv) csrfFrom(c *http.Client, path string) string {
	e.t.Helper()
	body, status := e.get(c, path)
	if status != http.StatusOK {
		e.t.Fatalf("GET %s: %d", path, status)
	}
	m := csrfInput.FindStringSubmatch(body)
	if m == nil {
		e.t.Fatalf("no CSRF field on %s", path)
	}
	return m[1]
}

func (e *testEnv) get(c *http.Client, path string) (string, int) {
	e.t.Helper()
	resp, err := c.Get(e.http.URL + path)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b), resp.StatusCode
}

func (e *testEnv) postForm(c *http.Client, path string, v url.Values) (string, *http.Response) {
	e.t.Helper()
	resp, err := c.PostForm(e.http.URL+path, v)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b), resp
}

// exampleJSON is a bundled example input converted to JSON.
func exampleJSON(t *testing.T, name string) string { return exampleJSONB(t, name) }

func exampleJSONB(t testing.TB, name string) string {
	t.Helper()
	data, err := examples.Files.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(datesAsText(v))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func decodeProblem(t *testing.T, body string) problem {
	t.Helper()
	var p problem
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("not a problem document: %v\n%s", err, body)
	}
	return p
}

// datesAsText turns the dates YAML decoded into time.Time back into
// YYYY-MM-DD, as the API expects them.
func datesAsText(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = datesAsText(e)
		}
	case []any:
		for i, e := range x {
			x[i] = datesAsText(e)
		}
	case time.Time:
		return x.Format("2006-01-02")
	}
	return v
}

var _ = strings.Contains
