package templates_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/examples"
	"github.com/konkurs/konkurs/internal/doctest"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/templates"
)

// The shared checks of Annexes 2, 3, 5, 6 and the scoring sheet: render
// the bundled example in kk and ru as PDF and DOCX, find every heading,
// label and column (testdata/KIND.LANG.phrases) in order in the PDF text
// and the DOCX text, and convert the DOCX with LibreOffice.

// exampleInput decodes and validates the kind's bundled example.
func exampleInput(t testing.TB, kind string) any {
	t.Helper()
	k, err := templates.Lookup(kind)
	if err != nil {
		t.Fatal(err)
	}
	data, err := examples.Files.ReadFile(k.ExampleFile())
	if err != nil {
		t.Fatal(err)
	}
	in := k.NewInput()
	if err := competition.Decode(data, k.ExampleFile(), in); err != nil {
		t.Fatalf("example %s: %v", k.ExampleFile(), err)
	}
	if err := templates.ValidateInput(in); err != nil {
		t.Fatalf("example %s: %v", k.ExampleFile(), err)
	}
	return in
}

type rendered struct {
	pdf, docx []byte
	pages     int
}

func renderKind(t testing.TB, kind string, input any, lang catalog.Lang, blank bool) rendered {
	t.Helper()
	k, err := templates.Lookup(kind)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := k.Build(input, lang, templates.BuildOptions{Blank: blank})
	if err != nil {
		t.Fatalf("build %s %s: %v", kind, lang, err)
	}
	var p, d bytes.Buffer
	res, err := pdf.Writer{}.Write(&p, doc)
	if err != nil {
		t.Fatalf("pdf %s %s: %v", kind, lang, err)
	}
	if _, err := (docx.Writer{}).Write(&d, doc); err != nil {
		t.Fatalf("docx %s %s: %v", kind, lang, err)
	}
	return rendered{pdf: p.Bytes(), docx: d.Bytes(), pages: res.Pages}
}

// expectedPhrases reads testdata/KIND.LANG.phrases: one phrase a line, in
// document order; the Kazakh lists are the decree's own words.
func expectedPhrases(t testing.TB, kind string, lang catalog.Lang) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", kind+"."+string(lang)+".phrases"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var list []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			list = append(list, line)
		}
	}
	return list
}

// checkKind renders kind in both languages and checks phrases and the
// LibreOffice page count.
func checkKind(t *testing.T, kind string, input any, blank bool) {
	checkKindPhrases(t, kind, input, blank, nil)
}

// checkKindPhrases is checkKind leaving out the phrases skip matches (the
// blank form's texts a filled form replaces).
func checkKindPhrases(t *testing.T, kind string, input any, blank bool, skip func(string) bool) {
	for _, lang := range catalog.DocumentLangs {
		t.Run(string(lang), func(t *testing.T) {
			r := renderKind(t, kind, input, lang, blank)
			var phrases []string
			for _, p := range expectedPhrases(t, kind, lang) {
				if skip == nil || !skip(p) {
					phrases = append(phrases, p)
				}
			}
			doctest.AssertInOrder(t, kind+" "+string(lang)+" PDF", pdfRawText(t, r.pdf), phrases)
			doctest.AssertInOrder(t, kind+" "+string(lang)+" DOCX", doctest.DOCXText(t, r.docx), phrases)
			if got := doctest.PDFPages(t, r.pdf); got != r.pages {
				t.Errorf("writer reported %d pages, pdfinfo counts %d", r.pages, got)
			}
			lo := doctest.PDFPages(t, doctest.LibreOfficePDF(t, r.docx))
			tolerance := 1
			if r.pages > 20 {
				tolerance = 2
			}
			if d := lo - r.pages; d > tolerance || d < -tolerance {
				t.Errorf("LibreOffice lays the DOCX out on %d pages, our PDF has %d (tolerance %d)", lo, r.pages, tolerance)
			}
		})
	}
}

// pdfRawText is the PDF's text in drawing order (pdftotext -raw): table
// cells come row by row, each cell's lines together, as the writer draws
// them, where the default mode regroups a table's columns.
func pdfRawText(t testing.TB, pdfData []byte) string {
	t.Helper()
	bin := doctest.RequireTool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdfData, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-raw", "-enc", "UTF-8", f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext -raw: %v: %s", err, out)
	}
	return doctest.Fold(string(out))
}

// validationErrors validates in and returns its problems ("path: code").
func validationErrors(t *testing.T, in any) []string {
	t.Helper()
	err := templates.ValidateInput(in)
	if err == nil {
		return nil
	}
	ve, ok := err.(*competition.ValidationError)
	if !ok {
		t.Fatalf("want *competition.ValidationError, got %T: %v", err, err)
	}
	var list []string
	for _, e := range ve.Errors {
		list = append(list, e.Path+": "+e.Code)
	}
	return list
}

// wantProblem fails unless problems holds "path: code" and the message
// names the field in both languages.
func wantProblem(t *testing.T, in any, path, code string) {
	t.Helper()
	err := templates.ValidateInput(in)
	ve, _ := err.(*competition.ValidationError)
	if ve == nil {
		t.Fatalf("want %s: %s, the input was accepted", path, code)
	}
	for _, e := range ve.Errors {
		if e.Path == path && e.Code == code {
			for _, lang := range []catalog.Lang{catalog.KK, catalog.RU, catalog.EN} {
				if msg := e.Message(lang); strings.HasPrefix(msg, "validation.") || strings.Contains(msg, "{") {
					t.Errorf("%s message is not rendered: %q", lang, msg)
				}
			}
			return
		}
	}
	t.Fatalf("want %s: %s, got %v", path, code, validationErrors(t, in))
}

// pdfPageRawText is page n's text in drawing order.
func pdfPageRawText(t testing.TB, pdfData []byte, n int) string {
	t.Helper()
	bin := doctest.RequireTool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdfData, 0o644); err != nil {
		t.Fatal(err)
	}
	page := strconv.Itoa(n)
	out, err := exec.Command(bin, "-raw", "-enc", "UTF-8", "-f", page, "-l", page, f, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext -raw: %v: %s", err, out)
	}
	return string(out)
}

func contains(text, phrase string) bool { return strings.Contains(text, doctest.Fold(phrase)) }

// templatesValidate validates in and returns its *ValidationError (nil when valid).
func templatesValidate(in any) *competition.ValidationError {
	ve, _ := templates.ValidateInput(in).(*competition.ValidationError)
	return ve
}
