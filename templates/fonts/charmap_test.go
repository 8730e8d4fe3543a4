package fonts

import (
	"bytes"
	"fmt"
	"testing"
)

// requiredLetters are the characters every document face must draw: the
// Kazakh-specific letters, the whole Russian alphabet, and the typographic
// marks the decree's forms use (numero sign, guillemets, dashes, ellipsis).
func requiredLetters() string {
	var b bytes.Buffer
	b.WriteString("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
	for r := 'А'; r <= 'Я'; r++ {
		b.WriteRune(r)
	}
	for r := 'а'; r <= 'я'; r++ {
		b.WriteRune(r)
	}
	b.WriteString("Ёё№«»—–…")
	return b.String()
}

func TestEveryFaceHasKazakhAndRussianLetters(t *testing.T) {
	letters := requiredLetters()
	if n := len([]rune(letters)); n != 18+64+2+6 {
		t.Fatalf("required set has %d characters, want %d", n, 18+64+2+6)
	}
	for _, face := range Faces() {
		t.Run(face.Name, func(t *testing.T) {
			cm, err := ParseCharMap(face.Data)
			if err != nil {
				t.Fatal(err)
			}
			if missing := cm.Missing(letters); len(missing) > 0 {
				t.Errorf("%s lacks %q", face.Name, string(missing))
			}
		})
	}
}

func TestCharMapReportsAbsentCharacters(t *testing.T) {
	cm, err := ParseCharMap(SerifRegular)
	if err != nil {
		t.Fatal(err)
	}
	for _, scenario := range []struct {
		text string
		want string
	}{
		{"Қазақстан", ""},
		{"漢字 and 漢", "漢字"},
		{"smile \U0001F600", "\U0001F600"},
		{"line\nbreak\ttab", ""},
	} {
		t.Run(scenario.text, func(t *testing.T) {
			if got := string(cm.Missing(scenario.text)); got != scenario.want {
				t.Errorf("Missing(%q) = %q, want %q", scenario.text, got, scenario.want)
			}
		})
	}
	// Glyph ids must be distinct real glyphs, not a constant.
	if cm.Glyph('Ә') == cm.Glyph('ә') || cm.Glyph('A') == 0 {
		t.Errorf("implausible glyph ids: Ә=%d ә=%d A=%d", cm.Glyph('Ә'), cm.Glyph('ә'), cm.Glyph('A'))
	}
}

func TestParseCharMapRejectsNonFonts(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not a font at all"), License} {
		if _, err := ParseCharMap(data); err == nil {
			t.Errorf("ParseCharMap(%q…) succeeded", fmt.Sprint(string(data[:min(len(data), 10)])))
		}
	}
}

func TestLicenseShipsWithFonts(t *testing.T) {
	if !bytes.Contains(License, []byte("SIL OPEN FONT LICENSE")) {
		t.Error("OFL.txt does not look like the SIL Open Font License")
	}
}

func TestUnprintable(t *testing.T) {
	for _, scenario := range []struct {
		name, text, want string
	}{
		{"kazakh and russian", requiredLetters() + " Ёлка", ""},
		{"han and emoji", "Алматы 漢 \U0001F600 漢", "漢\U0001F600"},
	} {
		t.Run(scenario.name, func(t *testing.T) {
			got, err := Unprintable(scenario.text)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != scenario.want {
				t.Errorf("Unprintable = %q, want %q", string(got), scenario.want)
			}
		})
	}
}
