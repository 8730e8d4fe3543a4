// Package doctest checks rendered documents with real tools: pdftotext and
// pdfinfo from poppler-utils for PDFs, the WordprocessingML text of DOCX
// files, and LibreOffice headless to prove a DOCX opens and lays out.
package doctest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// RequireTool fails the test when a tool is missing under CI, and skips it
// on a developer machine without the tool (scripts/test installs them).
func RequireTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed; scripts/test installs it", name)
	}
	t.Skipf("%s is not installed (run scripts/test)", name)
	return ""
}

// PDFText is the text of the whole PDF as pdftotext extracts it, with runs
// of white space folded to one space so phrases can be matched across lines.
func PDFText(t testing.TB, pdf []byte) string {
	t.Helper()
	return Fold(pdftotext(t, pdf, 0))
}

// PDFPageText is the folded text of page n (from 1).
func PDFPageText(t testing.TB, pdf []byte, n int) string {
	t.Helper()
	return Fold(pdftotext(t, pdf, n))
}

func pdftotext(t testing.TB, pdf []byte, page int) string {
	t.Helper()
	bin := RequireTool(t, "pdftotext")
	f := writeTemp(t, "doc.pdf", pdf)
	args := []string{"-enc", "UTF-8"}
	if page > 0 {
		args = append(args, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
	}
	out, err := exec.Command(bin, append(args, f, "-")...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	return string(out)
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// PDFPages is the page count pdfinfo reports.
func PDFPages(t testing.TB, pdf []byte) int {
	t.Helper()
	bin := RequireTool(t, "pdfinfo")
	f := writeTemp(t, "doc.pdf", pdf)
	out, err := exec.Command(bin, f).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v: %s", err, out)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo printed no page count: %s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// DOCXText is the folded text of word/document.xml: the text of every w:t,
// paragraphs separated by spaces.
func DOCXText(t testing.TB, docx []byte) string {
	t.Helper()
	doc := DOCXPart(t, docx, "word/document.xml")
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var b strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("word/document.xml is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			inText = el.Name.Local == "t"
			if el.Name.Local == "tab" || el.Name.Local == "br" {
				b.WriteByte(' ')
			}
		case xml.EndElement:
			inText = false
			if el.Name.Local == "p" || el.Name.Local == "tc" {
				b.WriteByte(' ')
			}
		case xml.CharData:
			if inText {
				b.Write(el)
			}
		}
	}
	return Fold(b.String())
}

// DOCXPart returns one part of a DOCX package.
func DOCXPart(t testing.TB, docx []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("DOCX is not a zip package: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			data, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	t.Fatalf("DOCX has no part %s", name)
	return nil
}

// loMu serialises LibreOffice runs: one soffice at a time is faster on two
// cores than several fighting over them, and avoids profile clashes.
var loMu sync.Mutex

// LibreOfficePDF converts a DOCX with LibreOffice headless and returns the PDF.
func LibreOfficePDF(t testing.TB, docx []byte) []byte {
	t.Helper()
	bin := RequireTool(t, "soffice")
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.docx")
	if err := os.WriteFile(in, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	loMu.Lock()
	defer loMu.Unlock()
	profile := "file://" + filepath.Join(dir, "profile")
	cmd := exec.Command(bin, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "doc.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice did not convert the DOCX: %v; output: %s", err, out)
	}
	return pdf
}

// ContainsInOrder reports the first phrase not found in text after the
// previous one ("" when all are there in order).
func ContainsInOrder(text string, phrases []string) string {
	pos := 0
	for _, p := range phrases {
		i := strings.Index(text[pos:], Fold(p))
		if i < 0 {
			return p
		}
		pos += i + len(Fold(p))
	}
	return ""
}

// AssertContains fails for every phrase missing from text.
func AssertContains(t testing.TB, what, text string, phrases ...string) {
	t.Helper()
	for _, p := range phrases {
		if !strings.Contains(text, Fold(p)) {
			t.Errorf("%s: missing %q", what, p)
		}
	}
}

// AssertInOrder fails when the phrases do not all appear in text in order.
func AssertInOrder(t testing.TB, what, text string, phrases []string) {
	t.Helper()
	if missing := ContainsInOrder(text, phrases); missing != "" {
		t.Errorf("%s: %q missing or out of order", what, missing)
	}
}

var space = regexp.MustCompile(`[\s\x{00a0}]+`)

// Fold folds white space (including no-break spaces) to single spaces and
// joins words hyphenated across lines by pdftotext is NOT done: layouts
// must not hyphenate.
func Fold(s string) string { return strings.TrimSpace(space.ReplaceAllString(s, " ")) }

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Describe is a short description of a byte slice for failure messages.
func Describe(data []byte) string { return fmt.Sprintf("%d bytes", len(data)) }
