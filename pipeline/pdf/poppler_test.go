package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// requireTool finds a poppler tool; scripts/test installs poppler-utils, so
// in CI a missing tool is a failure, elsewhere the test is skipped.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found (install poppler-utils)", name)
		}
		t.Skipf("%s not found (install poppler-utils)", name)
	}
	return p
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfText returns the text of pages first..last (0 means all) as laid out.
func pdfText(t *testing.T, path string, first, last int) string {
	t.Helper()
	args := []string{"-layout", "-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command(requireTool(t, "pdftotext"), append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// pdfInfo returns pdfinfo's fields for pages first..last.
func pdfInfo(t *testing.T, path string, first, last int) string {
	t.Helper()
	args := []string{}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out, err := exec.Command(requireTool(t, "pdfinfo"), append(args, path)...).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	return string(out)
}

func pdfPages(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(pdfInfo(t, path, 0, 0))
	if m == nil {
		t.Fatal("pdfinfo printed no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

var spaces = regexp.MustCompile(`\s+`)

// collapse joins lines and runs of spaces, as a reader would read the text.
func collapse(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }
