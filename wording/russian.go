package wording

import (
	"strconv"
	"strings"
)

// Gender is the grammatical gender of the counted Russian noun: "один лист"
// but "одна папка".
type Gender int

const (
	Masculine Gender = iota
	Feminine
	Neuter
)

var (
	ruUnitsMasc = [...]string{"", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"}
	ruTeens     = [...]string{"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
		"пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"}
	ruTens = [...]string{"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
		"семьдесят", "восемьдесят", "девяносто"}
	ruHundreds = [...]string{"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот",
		"семьсот", "восемьсот", "девятьсот"}
)

// NumberRU spells n (|n| ≤ 999 999 999) in Russian words for a masculine
// noun such as "лист": 247 → "двести сорок семь", 1 → "один", 2001 → "две
// тысячи один". A thousand is written "одна тысяча", the usual form in
// certifying records.
func NumberRU(n int) string { return NumberRUGender(n, Masculine) }

// NumberRUGender spells n for a noun of gender g: 1 → "один"/"одна"/"одно",
// 2 → "два"/"две"/"два".
func NumberRUGender(n int, g Gender) string {
	if n == 0 {
		return "ноль"
	}
	if n < 0 {
		return "минус " + NumberRUGender(-n, g)
	}
	var words []string
	if millions := n / 1_000_000; millions > 0 {
		words = append(words, ruBelowThousand(millions, Masculine)...)
		words = append(words, PluralRU(millions, "миллион", "миллиона", "миллионов"))
	}
	if thousands := n / 1000 % 1000; thousands > 0 {
		words = append(words, ruBelowThousand(thousands, Feminine)...)
		words = append(words, PluralRU(thousands, "тысяча", "тысячи", "тысяч"))
	}
	words = append(words, ruBelowThousand(n%1000, g)...)
	return strings.Join(words, " ")
}

func ruBelowThousand(n int, g Gender) []string {
	var words []string
	if h := n / 100; h > 0 {
		words = append(words, ruHundreds[h])
	}
	switch t := n / 10 % 10; {
	case t == 1:
		return append(words, ruTeens[n%10])
	case t > 1:
		words = append(words, ruTens[t])
	}
	switch u := n % 10; {
	case u == 1 && g == Feminine:
		words = append(words, "одна")
	case u == 1 && g == Neuter:
		words = append(words, "одно")
	case u == 2 && g == Feminine:
		words = append(words, "две")
	case u > 0:
		words = append(words, ruUnitsMasc[u])
	}
	return words
}

// PluralRU picks the Russian noun form that follows the number n: one for
// 1, 21, 101 (but not 11, 111); few for 2–4, 22–24 (but not 12–14); many
// otherwise: PluralRU(n, "лист", "листа", "листов").
func PluralRU(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	if teen := n % 100; teen >= 11 && teen <= 14 {
		return many
	}
	switch n % 10 {
	case 1:
		return one
	case 2, 3, 4:
		return few
	}
	return many
}

// SheetsRU is the certification-sheet phrase for n sheets: "двести сорок
// семь (247) листов", "двадцать один (21) лист", "два (2) листа".
func SheetsRU(n int) string {
	return NumberRU(n) + " (" + itoa(n) + ") " + PluralRU(n, "лист", "листа", "листов")
}

func itoa(n int) string { return strconv.Itoa(n) }
