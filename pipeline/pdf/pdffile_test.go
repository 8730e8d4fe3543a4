package pdf

import (
	"bytes"
	"os/exec"
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
	used := make([]bool, m.file.numGlyphs)
	for _, r := range text {
		used[m.glyph(r)] = true
	}
	drawn := append([]bool(nil), used...)
	sub, err := parseTrueType(m.file.subset(used, nil))
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if sub.numGlyphs != m.file.numGlyphs {
		t.Fatalf("subset has %d glyphs, want the original ids (%d)", sub.numGlyphs, m.file.numGlyphs)
	}
	composites := 0
	for g := range m.file.numGlyphs {
		keep := drawn[g]
		for _, c := range m.file.components(g, nil) {
			if drawn[g] {
				composites++
				if !bytes.Equal(sub.glyph(int(c)), m.file.glyph(int(c))) {
					t.Errorf("component %d of glyph %d is missing from the subset", c, g)
				}
			}
		}
		if keep && !bytes.Equal(sub.glyph(g), m.file.glyph(g)) {
			t.Errorf("drawn glyph %d differs in the subset", g)
		}
		if !used[g] && len(sub.glyph(g)) != 0 {
			t.Errorf("glyph %d is not drawn but kept (%d bytes)", g, len(sub.glyph(g)))
		}
	}
	if composites == 0 {
		t.Error("the text has no composite glyph; the closure is untested")
	}
	if checksum(m.file.subset(used, nil)) != 0xB1B0AFBA {
		t.Error("the font file's checksum adjustment is wrong")
	}
}

func TestToUnicodeOfASharedGlyphIsTheLowerCharacter(t *testing.T) {
	// Whichever character comes first, a glyph drawn for two characters
	// reads back as the lower one, so the output does not depend on order.
	for _, order := range [][]rune{{'\u00A0', ' '}, {' ', '\u00A0'}} {
		u := &fontUse{used: make([]bool, 8), runes: make([]rune, 8)}
		for _, r := range order {
			u.mark(3, r)
		}
		if cmap := string(toUnicode([]uint16{3}, u.runes)); !strings.Contains(cmap, "<0003> <0020>") {
			t.Errorf("order %q: glyph 3 maps to %q", order, cmap)
		}
	}
}

func TestTitleOutsideTheBasicPlaneIsKept(t *testing.T) {
	data, _ := render(t, &document.Document{Title: "Өтінім 𝔸", Blocks: []document.Block{document.Text("а")}})
	if !strings.Contains(pdfInfo(t, writeTemp(t, data), 0, 0), "Өтінім 𝔸") {
		t.Error("pdfinfo does not read the title back")
	}
}
