package wording

import "strings"

var (
	kkUnits = [...]string{"", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"}
	kkTens  = [...]string{"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"}
)

// NumberKK spells n (|n| ≤ 999 999 999) in Kazakh words: 247 → "екі жүз
// қырық жеті". A multiplier of one before "жүз" and "мың" is omitted
// (100 → "жүз", 1000 → "мың", 1100 → "мың жүз"), as in ordinary written
// Kazakh; millions keep it ("бір миллион").
func NumberKK(n int) string {
	if n == 0 {
		return "нөл"
	}
	if n < 0 {
		return "минус " + NumberKK(-n)
	}
	var words []string
	if millions := n / 1_000_000; millions > 0 {
		words = append(words, kkBelowThousand(millions)...)
		words = append(words, "миллион")
	}
	if thousands := n / 1000 % 1000; thousands > 0 {
		if thousands > 1 {
			words = append(words, kkBelowThousand(thousands)...)
		}
		words = append(words, "мың")
	}
	words = append(words, kkBelowThousand(n%1000)...)
	return strings.Join(words, " ")
}

// kkBelowThousand spells 1..999 (nothing for 0).
func kkBelowThousand(n int) []string {
	var words []string
	if h := n / 100; h > 0 {
		if h > 1 {
			words = append(words, kkUnits[h])
		}
		words = append(words, "жүз")
	}
	if t := n / 10 % 10; t > 0 {
		words = append(words, kkTens[t])
	}
	if u := n % 10; u > 0 {
		words = append(words, kkUnits[u])
	}
	return words
}

// SheetsKK is the certification-sheet phrase for n sheets: "екі жүз қырық
// жеті (247) парақ". Kazakh nouns do not change after a numeral.
func SheetsKK(n int) string {
	return NumberKK(n) + " (" + itoa(n) + ") парақ"
}
