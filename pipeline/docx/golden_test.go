package docx

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// readableXML puts each paragraph, table, row and cell on its own line so a
// change to the output shows as a readable diff of the golden file.
func readableXML(s string) string {
	for _, tag := range []string{"<w:p>", "<w:tbl>", "<w:tr>", "<w:tc>", "<w:sectPr>", "<w:body>"} {
		s = strings.ReplaceAll(s, tag, "\n"+tag)
	}
	return s + "\n"
}

func TestGoldenDocumentXML(t *testing.T) {
	for _, lang := range []string{"kk", "ru"} {
		got := readableXML(unzipParts(t, render(t, fullSample(lang)))["word/document.xml"])
		path := filepath.Join("testdata", "sample."+lang+".document.xml")
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./pipeline/docx/ -run Golden -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s: document.xml differs from the golden file; inspect the change and rerun with -update if it is intended", path)
		}
	}
}
