package fonts

import "sync"

var (
	serifMapsOnce sync.Once
	serifMaps     []*CharMap
	serifMapsErr  error
)

// Unprintable returns the characters of s that one of the four Liberation
// Serif faces cannot draw, each once, so that input can be checked before a
// document is rendered. The embedded fonts always parse; an error here means
// a broken build.
func Unprintable(s string) ([]rune, error) {
	serifMapsOnce.Do(func() {
		for _, data := range [][]byte{SerifRegular, SerifBold, SerifItalic, SerifBoldItalic} {
			cm, err := ParseCharMap(data)
			if err != nil {
				serifMapsErr = err
				return
			}
			serifMaps = append(serifMaps, cm)
		}
	})
	if serifMapsErr != nil {
		return nil, serifMapsErr
	}
	var out []rune
	for _, cm := range serifMaps {
		for _, r := range cm.Missing(s) {
			seen := false
			for _, x := range out {
				seen = seen || x == r
			}
			if !seen {
				out = append(out, r)
			}
		}
	}
	return out, nil
}
