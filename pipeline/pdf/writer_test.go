package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestSmoke(t *testing.T) {
	var buf bytes.Buffer
	res, err := Writer{}.Write(&buf, sampleDocument())
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join("/tmp", "sample.pdf")
	os.WriteFile(p, buf.Bytes(), 0o644)
	out, err := exec.Command("pdfinfo", p).CombinedOutput()
	t.Logf("pages %d\n%s", res.Pages, out)
}
