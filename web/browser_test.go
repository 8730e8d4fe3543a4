package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/konkurs/konkurs/internal/doctest"
)

// browserTest starts a real headless Chromium for one test. Without
// Chromium the test is skipped on a developer's machine and fails in CI
// (CI=true), where scripts/test installs it.
func browserTest(t *testing.T) context.Context {
	t.Helper()
	var exe string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed (Debian packages chromium and chromium-driver; scripts/test installs them)")
		}
		t.Skip("chromium is not installed")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 1000),
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelCtx := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// A bound on a hung browser, not a speed requirement.
	ctx, cancelTimeout := context.WithTimeout(browserCtx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// artifactDir is where screenshots are kept: $KONKURS_TEST_ARTIFACTS, or
// testdata-out/web at the repository's root (ignored by git).
func artifactDir(t *testing.T) string {
	dir := os.Getenv("KONKURS_TEST_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "testdata-out", "web")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		png, err := chromedp.FullScreenshot(100)(ctx, tg)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(artifactDir(t), name+".png"), png, 0o644)
	})
}

func loginSteps(base, user string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("name")),
		chromedp.SendKeys(chromedp.ID("name"), user),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Click(chromedp.ID("login-submit")),
		chromedp.WaitVisible(chromedp.CSS("form.logout")),
	)
}

// run reads one value from the page, failing the test on an error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		// Say where the browser was and keep a picture of it.
		diag, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
		defer cancel()
		loc, _ := chromedp.Run(diag, chromedp.Location())
		body, _ := chromedp.Run(diag, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
		_ = chromedp.Do(diag, screenshot(t, "failure-"+strings.ReplaceAll(t.Name(), "/", "-")))
		t.Fatalf("%v\nat %s:\n%s", err, loc, body)
	}
}

// While the applicant types a wrong BIN, the Kazakh message appears next to
// the field before anything is submitted; corrected, it goes away.
func TestBrowserAnnexChecksAsYouType(t *testing.T) {
	ctx := browserTest(t)
	e := newTestEnv(t)
	do(t, ctx,
		loginSteps(e.http.URL, "applicant"),
		chromedp.Navigate(e.http.URL+"/applicant/annex1"),
		chromedp.WaitVisible(chromedp.ID("f-participant-bin")),
		chromedp.Clear(chromedp.ID("f-participant-bin")),
		chromedp.SendKeys(chromedp.ID("f-participant-bin"), "150340001235"),
		chromedp.WaitVisible(chromedp.CSS("#f-participant-bin-error p")),
		screenshot(t, "applicant-annex1-live-error"),
	)
	if msg := run(t, ctx, chromedp.Text(chromedp.CSS("#f-participant-bin-error p"))); !strings.Contains(msg, "БСН/ЖСН дұрыс емес") {
		t.Errorf("live message %q", msg)
	}
	// Untouched empty fields (the cluster) are not flagged while typing.
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#f-cluster-name-kk-error p").length`)); n != 0 {
		t.Errorf("untouched field flagged")
	}
	do(t, ctx,
		chromedp.SendKeys(chromedp.ID("f-participant-bin"), "\b6"),
		chromedp.WaitNotPresent(chromedp.CSS("#f-participant-bin-error p")),
	)
}

// The applicant's journey: Annex 1 with a wrong BIN, the error in Kazakh
// next to the field, the fix, the PDF downloaded and read back.
func TestBrowserApplicantFillsAnnex1(t *testing.T) {
	ctx := browserTest(t)
	e := newTestEnv(t)
	downloads := t.TempDir()
	done := make(chan string, 4)
	if err := chromedp.ListenBrowser(ctx, func(ev any) {
		if p, ok := ev.(*browser.EventDownloadProgress); ok && p.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- p.GUID:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		loginSteps(e.http.URL, "applicant"),
		chromedp.Navigate(e.http.URL+"/applicant/annex1"),
		chromedp.WaitVisible(chromedp.ID("f-participant-bin")),
		chromedp.SendKeys(chromedp.ID("f-cluster-name-kk"), "Павлодар металлургия аумақтық кластері"),
		chromedp.SendKeys(chromedp.ID("f-cluster-name-ru"), "Павлодарский металлургический территориальный кластер"),
		chromedp.SetValue(chromedp.ID("f-participant-bin"), "150340001235"),
		screenshot(t, "applicant-annex1-form"),
		chromedp.Click(chromedp.ID("annex-submit")),
		chromedp.WaitVisible(chromedp.ID("form-errors")),
		screenshot(t, "applicant-annex1-bin-error-kk"),
	)
	binError := run(t, ctx, chromedp.Text(chromedp.ID("f-participant-bin-error")))
	invalid := run(t, ctx, chromedp.Evaluate[string](`document.getElementById("f-participant-bin").getAttribute("aria-invalid")`))
	fieldClass := run(t, ctx, chromedp.Evaluate[string](`document.getElementById("f-participant-bin").closest(".field").className`))
	described := run(t, ctx, chromedp.Evaluate[string](`document.getElementById("f-participant-bin").getAttribute("aria-describedby")`))
	if !strings.Contains(binError, "БСН/ЖСН дұрыс емес") || invalid != "true" || !strings.Contains(fieldClass, "invalid") ||
		!strings.Contains(described, "f-participant-bin-error") {
		t.Fatalf("BIN error next to the field: %q, aria-invalid %q, class %q, described by %q", binError, invalid, fieldClass, described)
	}
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("f-participant-bin"), "150340001236"),
		chromedp.Click(chromedp.ID("annex-submit")),
		chromedp.WaitVisible(chromedp.CSS("a.download")),
		screenshot(t, "applicant-annex1-result"),
	)
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptrTo(true),
	}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`a.download[href$="annex1.kk.pdf"]`)))
	var guid string
	select {
	case guid = <-done:
	case <-ctx.Done():
		t.Fatal("the PDF was not downloaded")
	}
	pdf, err := os.ReadFile(filepath.Join(downloads, guid))
	if err != nil {
		t.Fatal(err)
	}
	text := doctest.Fold(doctest.PDFText(t, pdf))
	for _, want := range []string{"Павлодар металлургия аумақтық кластері", "Ахметов Ерлан Сәкенұлы"} {
		if !strings.Contains(text, want) {
			t.Errorf("downloaded PDF lacks %q:\n%s", want, text)
		}
	}
}

func ptrTo[T any](v T) *T { return &v }

// The organizer's journey: the competition page with its timeline, a
// registration, the language switch, and a document rendered and
// previewed as PDF with a DOCX download.
func TestBrowserOrganizerRegistersAndRenders(t *testing.T) {
	ctx := browserTest(t)
	e := newTestEnv(t)
	do(t, ctx,
		loginSteps(e.http.URL, "organizer"),
		chromedp.Navigate(e.http.URL+"/competitions"),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/competitions/tc-2026"]`)),
		screenshot(t, "organizer-competitions"),
		chromedp.Click(chromedp.CSS(`a[href="/competitions/tc-2026"]`)),
		chromedp.WaitVisible(chromedp.CSS("svg.timeline")),
		screenshot(t, "organizer-competition-timeline"),
	)
	timeline := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("svg.timeline title").textContent`))
	marks := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.timeline g.deadline").length`))
	if !strings.Contains(timeline, "tc-2026") || marks < 10 {
		t.Errorf("timeline %q with %d deadlines", timeline, marks)
	}
	do(t, ctx,
		chromedp.SetValue(chromedp.ID("r-participant"), "astana-sez"),
		chromedp.SetValue(chromedp.ID("r-cluster"), "astana-it"),
		chromedp.SendKeys(chromedp.ID("r-number"), "01-12/0177"),
		chromedp.SetValue(chromedp.ID("r-date"), "2026-03-20"),
		chromedp.Click(chromedp.ID("register-submit")),
		chromedp.WaitVisible(chromedp.ID("registered")),
	)
	if registered := run(t, ctx, chromedp.Text(chromedp.ID("registered"))); !strings.Contains(registered, "A-0") {
		t.Errorf("registration message %q", registered)
	}
	do(t, ctx,
		chromedp.Click(chromedp.ID("lang-ru")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="ru"] svg.timeline`)),
	)
	if lang := run(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "ru" {
		t.Errorf("language after switch: %q", lang)
	}
	do(t, ctx,
		chromedp.Navigate(e.http.URL+"/competitions/tc-2026/preview?kind=annex1&application=A-01&lang=kk"),
		chromedp.WaitVisible(chromedp.ID("pdf-preview")),
		screenshot(t, "organizer-preview"),
	)
	previewType := run(t, ctx, chromedp.Evaluate[string](`fetch(document.getElementById("pdf-preview").src).then(r => r.headers.get("content-type"))`, chromedp.EvalAwaitPromise))
	docxType := run(t, ctx, chromedp.Evaluate[string](`fetch(document.getElementById("download-docx").href).then(r => r.headers.get("content-type"))`, chromedp.EvalAwaitPromise))
	if previewType != "application/pdf" || !strings.Contains(docxType, "wordprocessingml") {
		t.Errorf("preview %q, docx %q", previewType, docxType)
	}
	data, _ := os.ReadFile(filepath.Join(e.dir, "cases", "tc-2026.yaml"))
	if !strings.Contains(string(data), "01-12/0177") {
		t.Errorf("registration not in the case file")
	}
}

// The archive's journey: the organizer renders the stage-1 minutes and
// archives them; the archivist uploads the signed scan, finds the signed
// minutes by searching, opens their versions and downloads the scan, whose
// SHA-256 the browser computes and compares with the archive's.
func TestBrowserMinutesArchivedSignedAndDownloaded(t *testing.T) {
	ctx := browserTest(t)
	e := newTestEnv(t)
	scan := filepath.Join(t.TempDir(), "minutes-signed.pdf")
	if err := os.WriteFile(scan, signedScan(t, e), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		loginSteps(e.http.URL, "organizer"),
		chromedp.Navigate(e.http.URL+"/competitions/tc-2026"),
		chromedp.Click(chromedp.ID("render-stage1-minutes-kk")),
		chromedp.WaitVisible(chromedp.ID("pdf-preview")),
		screenshot(t, "organizer-stage1-minutes-preview"),
	)
	if ct := run(t, ctx, chromedp.Evaluate[string](`fetch(document.getElementById("download-pdf").href).then(r => r.headers.get("content-type"))`, chromedp.EvalAwaitPromise)); ct != "application/pdf" {
		t.Fatalf("minutes PDF: %q", ct)
	}
	do(t, ctx,
		chromedp.Click(chromedp.ID("archive-submit")),
		chromedp.WaitVisible(chromedp.ID("archived")),
		chromedp.Click(chromedp.CSS("form.logout button")),
		chromedp.WaitVisible(chromedp.ID("login-submit")),
		loginSteps(e.http.URL, "archivist"),
		chromedp.Navigate(e.http.URL+"/archive"),
		chromedp.SetValue(chromedp.ID("a-competition"), "tc-2026"),
		chromedp.SetValue(chromedp.ID("a-kind"), "stage1-minutes"),
		chromedp.Click(chromedp.ID("archive-submit")),
		chromedp.WaitVisible(chromedp.ID("archive-results")),
		chromedp.Click(chromedp.CSS(`#archive-results a`)),
		chromedp.WaitVisible(chromedp.ID("sign-form")),
		chromedp.SetUploadFiles(chromedp.ID("s-file"), []string{scan}),
		chromedp.Click(chromedp.ID("sign-submit")),
		chromedp.WaitVisible(chromedp.ID("signed-ok")),
		screenshot(t, "archivist-signed-uploaded"),
		chromedp.Navigate(e.http.URL+"/archive?search=1&competition=tc-2026&signed=yes"),
		chromedp.WaitVisible(chromedp.ID("archive-results")),
		screenshot(t, "archivist-search-signed"),
	)
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#archive-results tbody tr").length`)); n != 1 {
		t.Fatalf("search for signed minutes found %d rows", n)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#archive-results a`)),
		chromedp.WaitVisible(chromedp.ID("versions")),
		chromedp.Click(chromedp.ID("verify-submit")),
		chromedp.WaitVisible(chromedp.ID("verify-ok")),
		screenshot(t, "archivist-versions-verified"),
	)
	// Download the signed copy and hash it in the browser.
	check := run(t, ctx, chromedp.Evaluate[map[string]string](`(async () => {
		const row = [...document.querySelectorAll("#versions tbody tr")].find(r => r.querySelector(".status"));
		const shown = row.querySelector("code.sha").textContent.trim();
		const resp = await fetch(row.querySelector("a.archive-download").href);
		const digest = await crypto.subtle.digest("SHA-256", await resp.arrayBuffer());
		const hex = [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, "0")).join("");
		return {shown, header: resp.headers.get("X-Konkurs-SHA256"), computed: hex, type: resp.headers.get("content-type")};
	})()`, chromedp.EvalAwaitPromise))
	data, _ := os.ReadFile(scan)
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])
	if check["computed"] != want || check["header"] != want || check["shown"] != want || check["type"] != "application/pdf" {
		t.Errorf("download hash: %+v, want %s", check, want)
	}
}

// The applicant builds the numbered dossier: uploads the attachments,
// starts the build, watches the progress page until it is done and
// fetches the manifest.
func TestBrowserApplicantBuildsDossier(t *testing.T) {
	ctx := browserTest(t)
	e := newTestEnv(t)
	files := t.TempDir()
	concept, conclusion := filepath.Join(files, "concept.pdf"), filepath.Join(files, "akimat-conclusion.pdf")
	_ = os.WriteFile(concept, exampleAttachment(t, "concept.pdf"), 0o644)
	_ = os.WriteFile(conclusion, exampleAttachment(t, "akimat-conclusion.pdf"), 0o644)
	do(t, ctx,
		loginSteps(e.http.URL, "applicant"),
		chromedp.Navigate(e.http.URL+"/applicant"),
		chromedp.Click(chromedp.CSS(`a[href="/dossiers/tc-2026/A-01"]`)),
		chromedp.WaitVisible(chromedp.ID("upload-form")),
		chromedp.SetValue(chromedp.ID("d-role"), "annex2"),
		chromedp.SetUploadFiles(chromedp.ID("d-file"), []string{concept}),
		chromedp.Click(chromedp.ID("upload-submit")),
		// Wait for the new page, not the old one still on screen.
		chromedp.WaitVisible(chromedp.CSS("#attachments li:nth-child(2)")),
		chromedp.SetValue(chromedp.ID("d-role"), "annex3"),
		chromedp.SetUploadFiles(chromedp.ID("d-file"), []string{conclusion}),
		chromedp.Click(chromedp.ID("upload-submit")),
		chromedp.WaitVisible(chromedp.CSS("#attachments li:nth-child(3)")),
		screenshot(t, "applicant-dossier-attachments"),
		chromedp.Click(chromedp.ID("build-submit")),
		chromedp.WaitVisible(chromedp.ID("build-done")),
		screenshot(t, "applicant-dossier-built"),
	)
	manifest := run(t, ctx, chromedp.Evaluate[map[string]any](`fetch(document.getElementById("manifest-link").href).then(r => r.json()).then(m => m.totals)`, chromedp.EvalAwaitPromise))
	if manifest["documents"] != float64(3) || manifest["sheets"] == float64(0) {
		t.Errorf("manifest totals %v", manifest)
	}
}
