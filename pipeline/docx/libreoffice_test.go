package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/pipeline/document"
)

// requireTool finds a command-line tool. In CI (CI=true, set by
// scripts/test) a missing tool fails the test: it must never pass by skipping.
func requireTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found on PATH (scripts/test installs it): %v", name, err)
		}
		t.Skipf("%s not found on PATH: %v", name, err)
	}
	return path
}

// convertWithLibreOffice converts the DOCX to PDF with LibreOffice headless,
// each call with its own profile directory so parallel runs do not clash.
func convertWithLibreOffice(t testing.TB, docx []byte, name string) string {
	t.Helper()
	soffice := requireTool(t, "soffice")
	dir := t.TempDir()
	docxPath := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(docxPath, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := libreOfficeCommand(soffice, filepath.Join(dir, "lo-profile"), dir, docxPath)
	out, err := cmd.CombinedOutput()
	pdfPath := filepath.Join(dir, name+".pdf")
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	if _, err := os.Stat(pdfPath); err != nil {
		t.Fatalf("soffice wrote no PDF: %v\n%s", err, out)
	}
	return pdfPath
}

func libreOfficeCommand(soffice, profileDir, outDir, docxPath string) *exec.Cmd {
	return exec.Command(soffice, "-env:UserInstallation=file://"+profileDir,
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docxPath)
}

func pdfPages(t testing.TB, pdfPath string) int {
	t.Helper()
	out, err := exec.Command(requireTool(t, "pdfinfo"), pdfPath).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo printed no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// pdfText extracts the text of pages first..last (0: all) with whitespace
// collapsed, so phrases wrapped across lines still match.
func pdfText(t testing.TB, pdfPath string, first, last int) string {
	t.Helper()
	args := []string{}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	args = append(args, pdfPath, "-")
	out, err := exec.Command(requireTool(t, "pdftotext"), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestLibreOfficeRendersEveryBlock(t *testing.T) {
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tx := texts[lang]
			pdf := convertWithLibreOffice(t, render(t, fullSample(lang)), "sample-"+lang)
			// Form page, table page, landscape page, final portrait page.
			if pages := pdfPages(t, pdf); pages < 4 || pages > 6 {
				t.Errorf("LibreOffice laid out %d pages, want 4-6", pages)
			}
			text := pdfText(t, pdf, 0, 0)
			phrases := []string{tx.title, tx.intro, tx.addressee, tx.position, tx.name, tx.signCap, tx.nameCap,
				tx.seal, tx.date, tx.received, tx.tableTitle, tx.landscape, tx.letters, tx.values[0], tx.values[2],
				`<&> "` + tx.addressee + `"`}
			phrases = append(phrases, tx.annex...)
			phrases = append(phrases, tx.labels...)
			for _, phrase := range phrases {
				if !strings.Contains(text, phrase) {
					t.Errorf("PDF text lacks %q", phrase)
				}
			}
			// The footer: its text and the page number of the last page.
			last := pdfPages(t, pdf)
			if lastPage := pdfText(t, pdf, last, last); !strings.Contains(lastPage, tx.tableTitle+" "+strconv.Itoa(last)) {
				t.Errorf("last page footer lacks %q: %q", tx.tableTitle+" "+strconv.Itoa(last), lastPage)
			}
		})
	}
}

func TestLibreOfficeRepeatsHeaderRowsOnEveryPage(t *testing.T) {
	for _, lang := range []string{"kk", "ru"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tx := texts[lang]
			doc := &document.Document{Lang: lang, Title: tx.tableTitle, Blocks: []document.Block{
				document.Heading{Text: tx.tableTitle, Level: 1},
				participantsTable(lang, 150),
			}}
			pdf := convertWithLibreOffice(t, render(t, doc), "table-"+lang)
			pages := pdfPages(t, pdf)
			if pages < 3 {
				t.Fatalf("150 rows fit on %d pages; want at least 3 to test repeated headers", pages)
			}
			for page := 1; page <= pages; page++ {
				text := pdfText(t, pdf, page, page)
				for _, header := range tx.headers {
					if !strings.Contains(text, header) {
						t.Errorf("page %d lacks header %q", page, header)
					}
				}
				if !strings.Contains(text, " "+strconv.Itoa(page)) {
					t.Errorf("page %d: no page number %d", page, page)
				}
			}
			// The last row's second column holds 7×150; no other row has 1050.
			if text := pdfText(t, pdf, pages, pages); !strings.Contains(text, " 1050 ") {
				t.Errorf("last page lacks the last row (1050): %q", text)
			}
		})
	}
}
