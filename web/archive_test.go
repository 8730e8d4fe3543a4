package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/pipeline/archive"
)

// archiveMinutes archives the stage-1 minutes of the example competition
// as the organizer and returns the set's files.
func archiveMinutes(t *testing.T, e *testEnv) archive.PutResult {
	t.Helper()
	resp := e.api("organizer", "POST", "/api/competitions/tc-2026/archive/stage1-minutes", nil, "")
	body := readAll(t, resp)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("archive minutes: %d %s", resp.StatusCode, body)
	}
	var res archive.PutResult
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Manifest.Files) != 4 {
		t.Fatalf("archived %d files, want PDF and DOCX in kk and ru", len(res.Manifest.Files))
	}
	return res
}

func keyOf(t *testing.T, res archive.PutResult, name string) string {
	for _, f := range res.Manifest.Files {
		if f.Name == name {
			return f.Key
		}
	}
	t.Fatalf("no %s in %+v", name, res.Manifest.Files)
	return ""
}

// A rendered PDF stands in for the scan of the signed paper minutes: what
// matters to the archive is that it is a real PDF.
func signedScan(t *testing.T, e *testEnv) []byte {
	resp := e.api("organizer", "POST", "/api/render/annex1?lang=kk&format=pdf", strings.NewReader(exampleJSON(t, "annex1.yaml")), "application/json")
	pdf := readAll(t, resp)
	if resp.StatusCode != 200 {
		t.Fatalf("render scan: %d", resp.StatusCode)
	}
	return []byte(pdf)
}

func TestArchiveJourneyThroughTheAPI(t *testing.T) {
	e := newTestEnv(t)
	res := archiveMinutes(t, e)
	original := keyOf(t, res, "stage1-minutes.kk.pdf")
	// A file that is not a PDF, whatever its name, is refused.
	resp := e.api("archivist", "POST", "/api/archive/sign?name=scan.pdf&original="+url.QueryEscape(original), strings.NewReader("GIF89a not a pdf"), "application/pdf")
	if p := decodeProblem(t, readAll(t, resp)); resp.StatusCode != http.StatusUnprocessableEntity || p.Code != "web.error.not_pdf" {
		t.Fatalf("non-PDF upload: %d %+v", resp.StatusCode, p)
	}
	scan := signedScan(t, e)
	resp = e.api("archivist", "POST", "/api/archive/sign?name=minutes+signed.pdf&original="+url.QueryEscape(original), strings.NewReader(string(scan)), "application/pdf")
	body := readAll(t, resp)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("sign: %d %s", resp.StatusCode, body)
	}
	var signed archive.SignResult
	_ = json.Unmarshal([]byte(body), &signed)
	sum := sha256.Sum256(scan)
	if signed.SHA256 != hex.EncodeToString(sum[:]) || signed.UploadedBy != "archivist" || signed.RetainUntil.IsZero() {
		t.Errorf("signed copy: %+v", signed)
	}
	// No overwrite: a different file for the same original is refused.
	other := append([]byte(nil), scan...)
	other = append(other[:len(other)-6], []byte("\n%%EOF\n")...)
	resp = e.api("archivist", "POST", "/api/archive/sign?name=minutes+signed.pdf&original="+url.QueryEscape(original), strings.NewReader(string(other)), "application/pdf")
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("second signed copy: %d, want 409", resp.StatusCode)
	}
	resp.Body.Close()
	// Search: signed documents of stage 1.
	resp = e.api("archivist", "GET", "/api/archive?competition=tc-2026&stage=1&signed=yes", nil, "")
	var entries []archive.Entry
	_ = json.Unmarshal([]byte(readAll(t, resp)), &entries)
	if len(entries) != 1 || entries[0].ID != signed.ID || !entries[0].Signed {
		t.Fatalf("search for signed: %+v", entries)
	}
	// Download: the body matches the hash the server sends and the one recorded.
	resp = e.api("archivist", "GET", "/api/archive/object?id="+url.QueryEscape(signed.ID), nil, "")
	data := readAll(t, resp)
	got := sha256.Sum256([]byte(data))
	if resp.StatusCode != 200 || resp.Header.Get("X-Konkurs-SHA256") != signed.SHA256 || hex.EncodeToString(got[:]) != signed.SHA256 {
		t.Errorf("download: %d, header %s, body %x", resp.StatusCode, resp.Header.Get("X-Konkurs-SHA256"), got)
	}
	resp = e.api("archivist", "POST", "/api/archive/verify?prefix=tc-2026/", nil, "")
	var rep archive.VerifyReport
	_ = json.Unmarshal([]byte(readAll(t, resp)), &rep)
	if resp.StatusCode != 200 || !rep.OK() || rep.Checked < 5 {
		t.Errorf("verify: %d %+v", resp.StatusCode, rep)
	}
	// Archiving the same minutes again stores nothing new.
	resp = e.api("organizer", "POST", "/api/competitions/tc-2026/archive/stage1-minutes", nil, "")
	var again archive.PutResult
	_ = json.Unmarshal([]byte(readAll(t, resp)), &again)
	if !again.AlreadyArchived {
		t.Errorf("second archive of identical minutes: %+v", again)
	}
}

func TestArchivistPages(t *testing.T) {
	e := newTestEnv(t)
	res := archiveMinutes(t, e)
	original := keyOf(t, res, "stage1-minutes.ru.pdf")
	c := e.login("archivist")
	page, status := e.get(c, "/archive?search=1&competition=tc-2026&kind=stage1-minutes")
	if status != 200 || !strings.Contains(page, `id="archive-results"`) || !strings.Contains(page, "stage1-minutes.ru.pdf") {
		t.Fatalf("search page %d", status)
	}
	page, status = e.get(c, "/archive/document?id="+url.QueryEscape(original))
	if status != 200 || !strings.Contains(page, res.Manifest.Files[0].SHA256) || !strings.Contains(page, `id="sign-form"`) {
		t.Fatalf("document page %d", status)
	}
	token := csrfInput.FindStringSubmatch(page)[1]
	body, resp := e.postForm(c, "/archive/verify", url.Values{"csrf": {token}, "id": {original}})
	if resp.StatusCode != 200 || !strings.Contains(body, `id="verify-ok"`) {
		t.Errorf("verify page: %d", resp.StatusCode)
	}
	// The organizer may read the archive but not upload signed copies.
	oc := e.login("organizer")
	page, _ = e.get(oc, "/archive/document?id="+url.QueryEscape(original))
	if strings.Contains(page, `id="sign-form"`) {
		t.Errorf("organizer sees the upload form")
	}
	if _, status := e.get(e.login("applicant"), "/archive"); status != http.StatusForbidden {
		t.Errorf("applicant opens the archive: %d", status)
	}
}
