package dossier

import (
	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/wording"
)

// sheetsPhrase is a sheet count in words and figures in lang: "екі жүз
// қырық жеті (247) парақ", "двести сорок семь (247) листов".
func sheetsPhrase(l catalog.Lang, n int) string {
	if l == catalog.RU {
		return wording.SheetsRU(n)
	}
	return wording.SheetsKK(n)
}
