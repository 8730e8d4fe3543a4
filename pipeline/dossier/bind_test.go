package dossier

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestBindVolumeStampsEveryPage(t *testing.T) {
	dir := t.TempDir()
	mixed := attachmentPDF(t, "MIX", a4, a4Landscape, a3, testPage{W: a4.W, H: a4.H, Rotate: 90}, a4)
	plain := attachmentPDF(t, "PLAIN", pagesA4(3)...)
	cert := attachmentPDF(t, "CERT", a4)
	runs := []pageRun{{Data: plain}, {Data: mixed, From: 2, To: 5}, {Data: cert}}
	var original, copied bytes.Buffer
	if err := bindVolume(&original, runs, 7, "", nil, volumeInfo{}); err != nil {
		t.Fatal(err)
	}
	if err := bindVolume(&copied, runs, 7, "КӨШІРМЕ / КОПИЯ", nil, volumeInfo{}); err != nil {
		t.Fatal(err)
	}
	want := []string{"PLAIN p1", "PLAIN p2", "PLAIN p3", "MIX p2", "MIX p3", "MIX p4", "MIX p5", "CERT p1"}
	for _, file := range []struct {
		name string
		data []byte
	}{{"original.pdf", original.Bytes()}, {"copy.pdf", copied.Bytes()}} {
		pages := pageTexts(t, writeTemp(t, dir, file.name, file.data))
		if len(pages) != len(want) {
			t.Fatalf("%s: %d pages, want %d", file.name, len(pages), len(want))
		}
		for i, text := range pages {
			if !strings.Contains(text, want[i]) {
				t.Errorf("%s page %d: want %q in %q", file.name, i+1, want[i], text)
			}
			stamp := sheetStamp(text)
			if i < 7 && stamp != fmt.Sprint(i+1) {
				t.Errorf("%s page %d: sheet stamp %q, want %d; text %q", file.name, i+1, stamp, i+1, text)
			}
			if i == 7 && strings.TrimSpace(stamp) == "8" {
				t.Errorf("%s: the certification sheet is numbered", file.name)
			}
			hasMark := strings.Contains(text, "КӨШІРМЕ / КОПИЯ")
			if wantMark := file.name == "copy.pdf" && i == 0; hasMark != wantMark {
				t.Errorf("%s page %d: copy mark %v, want %v", file.name, i+1, hasMark, wantMark)
			}
		}
	}
}
