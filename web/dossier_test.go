package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/examples"
	"github.com/konkurs/konkurs/pipeline/dossier"
)

// uploadAttachment posts one PDF to the applicant's dossier workspace.
func uploadAttachment(t *testing.T, e *testEnv, c *http.Client, base, csrf, role, name string, data []byte) (string, int) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("csrf", csrf)
	_ = mw.WriteField("role", role)
	fw, _ := mw.CreateFormFile("file", name)
	_, _ = fw.Write(data)
	mw.Close()
	resp, err := c.Post(e.http.URL+base+"/attachments", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	return readAll(t, resp), resp.StatusCode
}

func exampleAttachment(t *testing.T, name string) []byte {
	data, err := examples.Files.ReadFile("attachments/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The applicant uploads the concept and the akimat's conclusion (a text
// file named .pdf is refused), orders them, builds the numbered dossier and
// downloads the volume and the manifest. Another applicant cannot open it.
func TestDossierWorkspace(t *testing.T) {
	e := newTestEnv(t)
	c := e.login("applicant")
	base := "/dossiers/tc-2026/A-01"
	page, status := e.get(c, base)
	if status != 200 {
		t.Fatalf("workspace: %d", status)
	}
	csrf := csrfInput.FindStringSubmatch(page)[1]
	if body, status := uploadAttachment(t, e, c, base, csrf, "annex2", "concept.pdf", []byte("just text, named .pdf")); status != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "PDF емес") {
		t.Fatalf("non-PDF accepted: %d", status)
	}
	if _, status := uploadAttachment(t, e, c, base, csrf, "annex3", "akimat-conclusion.pdf", exampleAttachment(t, "akimat-conclusion.pdf")); status != http.StatusSeeOther {
		t.Fatalf("upload annex3: %d", status)
	}
	if _, status := uploadAttachment(t, e, c, base, csrf, "annex2", "concept.pdf", exampleAttachment(t, "concept.pdf")); status != http.StatusSeeOther {
		t.Fatalf("upload annex2: %d", status)
	}
	// The concept (Annex 2) goes before the conclusion (Annex 3).
	if _, resp := e.postForm(c, base+"/order", url.Values{"csrf": {csrf}, "index": {"1"}, "action": {"up"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reorder: %d", resp.StatusCode)
	}
	page, _ = e.get(c, base)
	if i, j := strings.Index(page, "02-concept.pdf"), strings.Index(page, "01-akimat-conclusion.pdf"); i < 0 || j < 0 || i > j {
		t.Fatalf("order not kept: concept at %d, conclusion at %d", i, j)
	}
	if _, resp := e.postForm(c, base+"/build", url.Values{"csrf": {csrf}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("build: %d", resp.StatusCode)
	}
	// Wait for the background build by its job (not by time).
	dir, _, _, _ := e.srv.workspace(&request{user: &User{Role: Organizer}}, "tc-2026", "A-01")
	e.srv.builds.mu.Lock()
	job := e.srv.builds.jobs[dir]
	e.srv.builds.mu.Unlock()
	for job.snapshot().Running {
		// The page the applicant sees meanwhile must keep answering.
		if _, status := e.get(c, base); status != http.StatusOK {
			t.Fatalf("progress page: %d", status)
		}
	}
	if snap := job.snapshot(); snap.Failed {
		t.Fatalf("build failed: %v", snap.Problems)
	}
	page, _ = e.get(c, base)
	if !strings.Contains(page, `id="build-done"`) || !strings.Contains(page, "volume-01.pdf") {
		t.Fatalf("built page lacks the volumes")
	}
	vol, status := e.get(c, base+"/file?file=volume-01.pdf")
	if status != 200 || !strings.HasPrefix(vol, "%PDF-") {
		t.Errorf("volume download: %d", status)
	}
	mtext, status := e.get(c, base+"/file?file=manifest.json")
	var m dossier.Manifest
	if status != 200 || json.Unmarshal([]byte(mtext), &m) != nil || m.Totals.Documents != 3 || m.Documents[1].Source == "" {
		t.Errorf("manifest: %d %+v", status, m.Totals)
	}
	if _, status := e.get(c, base+"/file?file=../../users.yaml"); status != http.StatusNotFound {
		t.Errorf("a path outside the dossier: %d", status)
	}
	// The organizer archives the built dossier; the applicant may not.
	if _, resp := e.postForm(c, base+"/archive", url.Values{"csrf": {csrf}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("applicant archives the dossier: %d", resp.StatusCode)
	}
	oc := e.login("organizer")
	ocsrf := e.csrfFrom(oc, base)
	body, resp := e.postForm(oc, base+"/archive", url.Values{"csrf": {ocsrf}})
	if resp.StatusCode != 200 || !strings.Contains(body, "tc-2026/stage-1/application/A-01/dossier/v1") {
		t.Errorf("organizer archives the dossier: %d", resp.StatusCode)
	}
	if _, status := e.get(e.login("other"), base); status != http.StatusNotFound {
		t.Errorf("another applicant's dossier: %d, want 404", status)
	}
	_ = io.Discard
}
