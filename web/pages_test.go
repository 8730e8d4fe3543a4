package web

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// annexValues is a filled Annex 1 form with the given BIN.
func annexValues(csrf, bin string) url.Values {
	return url.Values{
		"csrf":                              {csrf},
		"cluster.name.kk":                   {"Павлодар металлургия аумақтық кластері"},
		"cluster.name.ru":                   {"Павлодарский металлургический территориальный кластер"},
		"participant.name.kk":               {"«Павлодар облысының кәсіпкерлер палатасы» мекемесі"},
		"participant.name.ru":               {"Учреждение «Палата предпринимателей Павлодарской области»"},
		"participant.bin":                   {bin},
		"participant.signatory.position.kk": {"Директор"},
		"participant.signatory.position.ru": {"Директор"},
		"participant.signatory.full_name":   {"Ахметов Ерлан Сәкенұлы"},
		"doc_lang":                          {"all"},
	}
}

func TestLoginSetsStrictHttpOnlyCookiesAndNeedsCSRF(t *testing.T) {
	e := newTestEnv(t, func(o *Options) { o.SecureCookies = true })
	c := e.browserClient()
	// No CSRF token: refused before the password is even checked.
	body, resp := e.postForm(c, "/login", url.Values{"name": {"organizer"}, "password": {testPassword}})
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Пішіннің мерзімі өтті") {
		t.Fatalf("login without CSRF: %d\n%s", resp.StatusCode, body)
	}
	token := e.csrfFrom(c, "/login")
	body, resp = e.postForm(c, "/login", url.Values{"csrf": {token}, "name": {"organizer"}, "password": {"wrong-password"}})
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `id="login-error"`) {
		t.Fatalf("wrong password: %d", resp.StatusCode)
	}
	_, resp = e.postForm(c, "/login", url.Values{"csrf": {token}, "name": {"organizer"}, "password": {testPassword}, "next": {"https://evil.example/"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("login: %d, Location %q (must stay on this site)", resp.StatusCode, resp.Header.Get("Location"))
	}
	var session *http.Cookie
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			session = ck
		}
	}
	if session == nil || !session.HttpOnly || !session.Secure || session.SameSite != http.SameSiteStrictMode {
		t.Fatalf("session cookie %+v: want HttpOnly, Secure, SameSite=Strict", session)
	}
	// A form posted without the token is refused even with a session.
	_, resp = e.postForm(c, "/applicant/annex1", annexValues("", "150340001236"))
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("form without CSRF token: %d, want 403", resp.StatusCode)
	}
	// Logout ends the session on the server, not only in the browser.
	_, resp = e.postForm(c, "/logout", url.Values{"csrf": {token}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout: %d", resp.StatusCode)
	}
	replay := e.browserClient()
	replay.Jar.SetCookies(mustURL(t, e.http.URL), []*http.Cookie{{Name: sessionCookie, Value: session.Value}})
	if _, status := e.get(replay, "/competitions"); status != http.StatusSeeOther {
		t.Errorf("old session after logout: %d, want redirect to login", status)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestLanguageSwitchIsRemembered(t *testing.T) {
	e := newTestEnv(t)
	c := e.login("applicant")
	page, _ := e.get(c, "/applicant/annex1")
	if !strings.Contains(page, `<html lang="kk">`) || !strings.Contains(page, "Кластердің атауы") {
		t.Fatalf("default page is not Kazakh")
	}
	resp, err := c.Get(e.http.URL + "/lang?to=ru&back=/applicant/annex1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/applicant/annex1" {
		t.Fatalf("lang switch: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	page, _ = e.get(c, "/applicant")
	if !strings.Contains(page, `<html lang="ru">`) || !strings.Contains(page, "Мои заявки") {
		t.Errorf("language not remembered:\n%s", page)
	}
	resp, _ = c.Get(e.http.URL + "/lang?to=ru&back=//evil.example/")
	resp.Body.Close()
	if resp.Header.Get("Location") != "/" {
		t.Errorf("open redirect: %s", resp.Header.Get("Location"))
	}
}

// The applicant's journey without a browser: a bad BIN comes back in
// Kazakh next to the field, with the other values kept; fixed, it renders
// PDF and DOCX in both languages.
func TestAnnexFormShowsErrorsNextToFields(t *testing.T) {
	e := newTestEnv(t)
	c := e.login("applicant")
	token := e.csrfFrom(c, "/applicant/annex1")
	vals := annexValues(token, "150340001235")
	vals.Set("participant.signatory.full_name", "")
	body, resp := e.postForm(c, "/applicant/annex1", vals)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("invalid form: %d", resp.StatusCode)
	}
	binErr := between(body, `id="f-participant-bin-error"`, `</div>`)
	if !strings.Contains(binErr, "БСН/ЖСН дұрыс емес") {
		t.Errorf("BIN error not next to the BIN field: %q", binErr)
	}
	if nameErr := between(body, `id="f-participant-signatory-full_name-error"`, `</div>`); !strings.Contains(nameErr, "міндетті өріс толтырылмаған") {
		t.Errorf("required-field error not next to the field: %q", nameErr)
	}
	if !strings.Contains(body, `value="150340001235"`) || !strings.Contains(body, `aria-invalid="true"`) {
		t.Errorf("entered value not kept or field not marked invalid")
	}
	_, resp = e.postForm(c, "/applicant/annex1", annexValues(token, "150340001236"))
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/results/") {
		t.Fatalf("valid form: %d %s", resp.StatusCode, loc)
	}
	page, _ := e.get(c, loc)
	for _, name := range []string{"annex1.kk.pdf", "annex1.ru.pdf", "annex1.kk.docx", "annex1.ru.docx"} {
		if !strings.Contains(page, name) {
			t.Errorf("result page lacks %s", name)
		}
	}
	pdf, status := e.get(c, loc+"/annex1.kk.pdf")
	if status != 200 || !strings.HasPrefix(pdf, "%PDF-") {
		t.Errorf("PDF download: %d %q", status, pdf[:min(len(pdf), 10)])
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// Item 13: a registration dated after the stage-1 deadline is refused and
// the reason shows next to the date; one within the deadline is written
// into the case file, keeping its comments.
func TestRegistrationEnforcesItem13(t *testing.T) {
	e := newTestEnv(t)
	c := e.login("organizer")
	token := e.csrfFrom(c, "/competitions/tc-2026")
	form := url.Values{"csrf": {token}, "participant": {"astana-sez"}, "cluster": {"astana-it"}, "stage": {"1"},
		"number": {"01-12/0199"}, "date": {"2026-03-23"}, "time": {"09:15"}, "paper_original": {"on"}}
	body, resp := e.postForm(c, "/competitions/tc-2026/applications", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("late registration: %d", resp.StatusCode)
	}
	if dateErr := between(body, `id="r-date-error"`, `</div>`); !strings.Contains(dateErr, "13-тармағы") {
		t.Errorf("item 13 error not next to the date: %q", dateErr)
	}
	form.Set("date", "2026-03-27")
	body, _ = e.postForm(c, "/competitions/tc-2026/applications", form)
	if dateErr := between(body, `id="r-date-error"`, `</div>`); !strings.Contains(dateErr, "әлі келген жоқ") {
		t.Errorf("future date not refused: %q", dateErr)
	}
	before, _ := os.ReadFile(filepath.Join(e.dir, "cases", "tc-2026.yaml"))
	form.Set("date", "2026-03-20")
	_, resp = e.postForm(c, "/competitions/tc-2026/applications", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("registration on the deadline day: %d", resp.StatusCode)
	}
	after, _ := os.ReadFile(filepath.Join(e.dir, "cases", "tc-2026.yaml"))
	firstLine := strings.SplitN(string(before), "\n", 2)[0]
	if !strings.Contains(string(after), "01-12/0199") || !strings.HasPrefix(firstLine, "#") || !strings.HasPrefix(string(after), firstLine) {
		t.Errorf("registration not written, or the file's comments lost:\n%s", after)
	}
	hist, _ := filepath.Glob(filepath.Join(e.dir, "cases", ".history", "*"))
	if len(hist) != 1 {
		t.Fatalf("history: %v", hist)
	}
	if old, _ := os.ReadFile(hist[0]); !bytes.Equal(old, before) {
		t.Errorf("history does not hold the previous version")
	}
	// API: the same rule, as a 422 naming registration.date.
	resp = e.api("organizer", "POST", "/api/competitions/tc-2026/applications?lang=ru",
		strings.NewReader(`{"stage":1,"participant":"astana-sez","cluster":"astana-it","registration":{"number":"X-1","date":"2026-03-24"}}`), "application/json")
	p := decodeProblem(t, readAll(t, resp))
	if resp.StatusCode != http.StatusUnprocessableEntity || len(p.Errors) == 0 || p.Errors[0].Path != "registration.date" || p.Errors[0].Code != "item13" {
		t.Errorf("API late registration: %d %+v", resp.StatusCode, p)
	}
}

func TestCaseFileUploadShowsProblemsAndKeepsTheFile(t *testing.T) {
	e := newTestEnv(t)
	c := e.login("organizer")
	token := e.csrfFrom(c, "/competitions/tc-2026")
	path := filepath.Join(e.dir, "cases", "tc-2026.yaml")
	orig, _ := os.ReadFile(path)
	bad := strings.Replace(string(orig), `bin: "150340001236"`, `bin: "150340001235"`, 1)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("csrf", token)
	fw, _ := mw.CreateFormFile("casefile", "tc-2026.yaml")
	_, _ = io.WriteString(fw, bad)
	mw.Close()
	resp, err := c.Post(e.http.URL+"/competitions/tc-2026/casefile", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	body := readAll(t, resp)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(between(body, `id="upload-errors"`, `</div>`), "participants[0].bin") {
		t.Errorf("invalid upload: %d\n%s", resp.StatusCode, between(body, `id="upload-errors"`, `</div>`))
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
		t.Errorf("an invalid upload replaced the case file")
	}
	if strings.Contains(body, e.dir) {
		t.Errorf("page shows the server's paths")
	}
}

// The timeline is well-formed SVG with every deadline, today's line and
// the legend, in the page's language.
func TestTimelineSVG(t *testing.T) {
	e := newTestEnv(t)
	c := e.login("organizer")
	svg, status := e.get(c, "/competitions/tc-2026/timeline.svg?lang=ru")
	if status != 200 {
		t.Fatalf("timeline: %d", status)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
	for _, want := range []string{"Сегодня 2026-03-25", `class="deadline status-`, "п. 15", "Прием заявок", "Первый этап: рассмотрение"} {
		if !strings.Contains(svg, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	// Every deadline is drawn in its own status, as the deadline package
	// evaluates it for the same day.
	e0, err := e.srv.cases.get("tc-2026")
	if err != nil || e0.Case == nil {
		t.Fatal(err)
	}
	ds, err := e.srv.deadlines(e0.Case)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		label := "п. " + d.Rule.Item
		if d.Application != "" {
			label += " · " + d.Application
		}
		if want := `status-` + string(d.Status) + `"><title>` + label + ` `; !strings.Contains(svg, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	if got := strings.Count(svg, `<g class="deadline `); got != len(ds) {
		t.Errorf("%d deadlines drawn, %d evaluated", got, len(ds))
	}
	page, _ := e.get(c, "/competitions/tc-2026")
	if !strings.Contains(page, "<svg") || !strings.Contains(page, `id="timeline"`) {
		t.Errorf("competition page lacks the inline timeline")
	}
}

func TestHealthMetricsAndNoLeaks(t *testing.T) {
	e := newTestEnv(t)
	readAll(t, e.api("organizer", "GET", "/api/kinds", nil, ""))
	resp, err := http.Get(e.http.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", err, resp)
	}
	resp.Body.Close()
	resp, _ = http.Get(e.http.URL + "/metrics")
	m := readAll(t, resp)
	for _, want := range []string{"# TYPE konkurs_http_requests_total counter", `konkurs_http_requests_total{route="GET /api/kinds",code="200"} 1`,
		"konkurs_http_request_duration_seconds_bucket{le=\"+Inf\"}", "konkurs_uptime_seconds"} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q:\n%s", want, m)
		}
	}
	// A cases "folder" that is a file is an internal error: a request id,
	// no path, no Go error text.
	cases := filepath.Join(e.dir, "cases")
	if err := os.RemoveAll(cases); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cases, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	resp = e.api("organizer", "GET", "/api/competitions", nil, "")
	body := readAll(t, resp)
	if resp.StatusCode != 500 || strings.Contains(body, e.dir) || strings.Contains(body, "not a directory") || !strings.Contains(body, "request_id") {
		t.Errorf("internal error leaks or lacks a request id: %d %s", resp.StatusCode, body)
	}
}

func TestRenderAPIValidatesAndRenders(t *testing.T) {
	e := newTestEnv(t)
	bad := strings.Replace(exampleJSON(t, "annex1.yaml"), "150340001236", "15034000123", 1)
	resp := e.api("applicant", "POST", "/api/render/annex1?lang=kk", strings.NewReader(bad), "application/json")
	p := decodeProblem(t, readAll(t, resp))
	if resp.StatusCode != 422 || len(p.Errors) != 1 || p.Errors[0].Path != "participant.bin" || !strings.Contains(p.Errors[0].Message, "БСН/ЖСН") {
		t.Errorf("bad BIN: %d %+v", resp.StatusCode, p)
	}
	resp = e.api("applicant", "POST", "/api/render/annex1?lang=ru&format=docx", strings.NewReader(exampleJSON(t, "annex1.yaml")), "application/json")
	body := readAll(t, resp)
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "PK") || !strings.Contains(resp.Header.Get("Content-Disposition"), "annex1.ru.docx") {
		t.Errorf("docx: %d %s", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	resp = e.api("applicant", "POST", "/api/render/annex1?format=odt", strings.NewReader(exampleJSON(t, "annex1.yaml")), "application/json")
	if resp.StatusCode != 400 {
		t.Errorf("unknown format: %d", resp.StatusCode)
	}
	resp.Body.Close()
}

func TestRateLimit(t *testing.T) {
	e := newTestEnv(t, func(o *Options) { o.RatePerSecond, o.RateBurst = 0.001, 3 })
	codes := []int{}
	for range 5 {
		resp := e.api("organizer", "GET", "/api/me", nil, "")
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
	}
	if codes[2] != 200 || codes[3] != http.StatusTooManyRequests {
		t.Errorf("codes %v: want 3 × 200 then 429", codes)
	}
	// Another client has its own budget.
	resp := e.api("applicant", "GET", "/api/me", nil, "")
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("another client limited: %d", resp.StatusCode)
	}
}

// Every API route is described in the OpenAPI document, and the document
// is valid JSON of version 3.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	e := newTestEnv(t)
	resp, _ := http.Get(e.http.URL + "/api/openapi.json")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	for _, rt := range e.srv.routes {
		if !rt.api {
			continue
		}
		method, path, _ := strings.Cut(rt.pattern, " ")
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("OpenAPI lacks %s", rt.pattern)
		}
	}
}

func TestUnknownAddressesAreLocalized404s(t *testing.T) {
	e := newTestEnv(t)
	resp, _ := http.Get(e.http.URL + "/no/such/page?lang=ru")
	body := readAll(t, resp)
	if resp.StatusCode != 404 || !strings.Contains(body, "не найдены") {
		t.Errorf("page 404: %d", resp.StatusCode)
	}
	resp = e.api("organizer", "GET", "/api/nothing", nil, "")
	if p := decodeProblem(t, readAll(t, resp)); resp.StatusCode != 404 || p.Code != "web.error.not_found" {
		t.Errorf("api 404: %d %+v", resp.StatusCode, p)
	}
}

// A new competition comes in as a case file; one with the ID of an
// existing competition is refused with the reason, and nothing is written.
func TestNewCompetitionUpload(t *testing.T) {
	e := newTestEnv(t)
	c := e.login("organizer")
	token := e.csrfFrom(c, "/competitions")
	orig, _ := os.ReadFile(filepath.Join(e.dir, "cases", "tc-2026.yaml"))
	post := func(content string) (string, *http.Response) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("csrf", token)
		fw, _ := mw.CreateFormFile("casefile", "new.yaml")
		_, _ = io.WriteString(fw, content)
		mw.Close()
		resp, err := c.Post(e.http.URL+"/competitions", mw.FormDataContentType(), &buf)
		if err != nil {
			t.Fatal(err)
		}
		return readAll(t, resp), resp
	}
	body, resp := post(string(orig))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(between(body, `id="new-errors"`, `</div>`), "бұрыннан бар") {
		t.Errorf("duplicate ID: %d", resp.StatusCode)
	}
	_, resp = post(strings.Replace(string(orig), "id: tc-2026", "id: tc-2027", 1))
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/competitions/tc-2027?uploaded=1" {
		t.Fatalf("new competition: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if _, status := e.get(c, "/competitions/tc-2027"); status != 200 {
		t.Errorf("new competition page: %d", status)
	}
}
