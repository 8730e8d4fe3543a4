package wording

import (
	"fmt"
	"time"
)

// Kazakh month names: nominative and the locative-attributive form used in
// dates of acts ("2015 жылғы 16 шілдедегі № 535 қаулысы"); the suffix follows
// vowel harmony and the stem's last sound, so it is listed, not computed.
var (
	kkMonths          = [12]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"}
	kkMonthsAttribute = [12]string{"қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы", "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"}
	ruMonthsGenitive  = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
)

// DateKK writes a date as Kazakh acts do: "2026 жылғы 25 қарашадағы".
func DateKK(t time.Time) string {
	return fmt.Sprintf("%d жылғы %d %s", t.Year(), t.Day(), kkMonthsAttribute[t.Month()-1])
}

// DatePlainKK writes a date without the attributive suffix: "2026 жылғы 25 қараша".
func DatePlainKK(t time.Time) string {
	return fmt.Sprintf("%d жылғы %d %s", t.Year(), t.Day(), kkMonths[t.Month()-1])
}

// DateRU writes a date as Russian official documents do: "«25» ноября 2026 года".
func DateRU(t time.Time) string {
	return fmt.Sprintf("«%d» %s %d года", t.Day(), ruMonthsGenitive[t.Month()-1], t.Year())
}

// DatePlainRU writes "25 ноября 2026 года", the form used inside sentences.
func DatePlainRU(t time.Time) string {
	return fmt.Sprintf("%d %s %d года", t.Day(), ruMonthsGenitive[t.Month()-1], t.Year())
}

// Date writes t in lang's official form for a document's date line.
func Date(lang string, t time.Time) string {
	if lang == "ru" {
		return DateRU(t)
	}
	return DateKK(t)
}

// DateInText writes t in lang's form used inside a sentence.
func DateInText(lang string, t time.Time) string {
	if lang == "ru" {
		return DatePlainRU(t)
	}
	return DatePlainKK(t)
}
