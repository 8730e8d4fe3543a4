package dossier

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/signintech/gopdf"

	"github.com/konkurs/konkurs/templates/fonts"
)

// testPage describes one page of a generated attachment: its size in points
// and a /Rotate value.
type testPage struct {
	W, H   float64
	Rotate int
}

var (
	a4          = testPage{W: 595.28, H: 841.89}
	a4Landscape = testPage{W: 841.89, H: 595.28}
	a3          = testPage{W: 841.89, H: 1190.55}
)

// attachmentPDF writes a PDF whose page i carries the text "<label> p<i>",
// so that tests can find where each page ended up.
func attachmentPDF(t testing.TB, label string, pages ...testPage) []byte {
	t.Helper()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := pdf.AddTTFFontData("serif", fonts.SerifRegular); err != nil {
		t.Fatal(err)
	}
	if err := pdf.SetFont("serif", "", 14); err != nil {
		t.Fatal(err)
	}
	rotated := map[int][]string{}
	for i, p := range pages {
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.W, H: p.H}})
		pdf.SetXY(100, 300)
		if err := pdf.Text(fmt.Sprintf("%s p%d", label, i+1)); err != nil {
			t.Fatal(err)
		}
		if p.Rotate != 0 {
			rotated[p.Rotate] = append(rotated[p.Rotate], fmt.Sprint(i+1))
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for rot, sel := range rotated {
		var out bytes.Buffer
		if err := api.Rotate(bytes.NewReader(data), &out, rot, sel, nil); err != nil {
			t.Fatal(err)
		}
		data = out.Bytes()
	}
	return data
}

func pagesA4(n int) []testPage {
	p := make([]testPage, n)
	for i := range p {
		p[i] = a4
	}
	return p
}

// pageTexts returns the text of every page of a PDF file, read back by
// poppler's pdftotext (a reader independent of pdfcpu).
func pageTexts(t testing.TB, path string) []string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // text ends with a form feed
}

// sheetStamp returns the sheet number printed at the top right of a page's
// text: the last number on the first non-empty line.
func sheetStamp(page string) string {
	for _, line := range strings.Split(page, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		return f[len(f)-1]
	}
	return ""
}

func writeTemp(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// testRoot is the test run's temporary directory: pdfcpu's configuration,
// benchmark inputs.
var testRoot string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "konkurs-dossier-test")
	if err != nil {
		panic(err)
	}
	testRoot = dir
	if err := setupEngine(dir); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
