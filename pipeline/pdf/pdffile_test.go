package pdf

import (
	"bytes"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/konkurs/konkurs/pipeline/document"
)

func TestQpdfFindsNoErrors(t *testing.T) {
	data, _ := render(t, sampleDocument())
	out, err := exec.Command(requireTool(t, "qpdf"), "--check", writeTemp(t, data)).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

func TestFontSubsetKeepsDrawnAndComposedGlyphs(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	m := faceMetrics[faceRegular]
	// Ё and Й are built from a base letter and a mark in Liberation Serif.
	text := "Ёлка Йод Әә Ұұ №"
	u := newFontUse(faceRegular, 1)
	for _, r := range text {
		u.mark(m.glyph(r), r)
	}
	drawn := len(u.order)
	data, order := m.file.subset(u.order, u.newID, nil)
	if checksum(data) != 0xB1B0AFBA {
		t.Error("the font file's checksum adjustment is wrong")
	}
	sub, err := parseTrueType(data)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if sub.numGlyphs != len(order) || sub.numHMetrics != len(order) {
		t.Fatalf("subset has %d glyphs and %d metrics, want %d", sub.numGlyphs, sub.numHMetrics, len(order))
	}
	if len(order) <= drawn {
		t.Fatal("no glyph was added for a composite; the closure is untested")
	}
	for id, g := range order {
		if sub.advanceUnits(id) != m.file.advanceUnits(int(g)) || sub.leftBearing(id) != m.file.leftBearing(int(g)) {
			t.Errorf("glyph %d (face glyph %d): metrics differ", id, g)
		}
		want, got := m.file.components(int(g), nil), sub.components(id, nil)
		if len(want) != len(got) {
			t.Errorf("glyph %d: %d components, want %d", id, len(got), len(want))
			continue
		}
		for k := range want {
			if order[got[k]] != want[k] {
				t.Errorf("glyph %d: component %d is face glyph %d, want %d", id, k, order[got[k]], want[k])
			}
		}
		if len(want) == 0 && !bytes.Equal(sub.glyph(id), m.file.glyph(int(g))) {
			t.Errorf("glyph %d (face glyph %d): outline differs", id, g)
		}
	}
}

func TestToUnicodeOfASharedGlyphIsTheLowerCharacter(t *testing.T) {
	if err := loadFaces(); err != nil {
		t.Fatal(err)
	}
	// Whichever character comes first, a glyph drawn for two characters
	// reads back as the lower one, so the output does not depend on order.
	for _, order := range [][]rune{{'\u00A0', ' '}, {' ', '\u00A0'}} {
		u := newFontUse(faceRegular, 1)
		for _, r := range order {
			u.mark(3, r)
		}
		if cmap := string(toUnicode(u.runes)); !strings.Contains(cmap, "<0001> <0020>") {
			t.Errorf("order %q: glyph 1 maps to %q", order, cmap)
		}
	}
}

func TestTitleOutsideTheBasicPlaneIsKept(t *testing.T) {
	data, _ := render(t, &document.Document{Title: "Өтінім 𝔸", Blocks: []document.Block{document.Text("а")}})
	if !strings.Contains(pdfInfo(t, writeTemp(t, data), 0, 0), "Өтінім 𝔸") {
		t.Error("pdfinfo does not read the title back")
	}
}

func TestFixedTwoDecimalsAsStrconv(t *testing.T) {
	values := []float64{0, -0.0, 0.005, 0.015, 0.125, -0.001, -0.005, 1.005, 2.675, 841.8897637795277, 595.2755905511812, 999999.995, 1e6, 1e7, -12.345, 0.5, 99.995, 85.03937007874016}
	for i := range 200000 {
		// Page coordinates and the exact ties of hundredths and halves.
		values = append(values, float64(i)*0.00731-30, float64(i)/800, float64(i)/8*0.01)
	}
	for _, v := range values {
		want := strconv.FormatFloat(v, 'f', 2, 64)
		if got := string(appendFixed2(nil, v)); got != want {
			t.Errorf("%v: %q, strconv %q", v, got, want)
		}
	}
}
