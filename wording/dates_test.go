package wording

import (
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		date     time.Time
		kk, ru   string
	}{
		{"issue example", time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), "2026 жылғы 25 қарашадағы", "«25» ноября 2026 года"},
		{"decree date from the seed", time.Date(2015, 7, 16, 0, 0, 0, 0, time.UTC), "2015 жылғы 16 шілдедегі", "«16» июля 2015 года"},
		{"seed: 1 тамыздағы", time.Date(2014, 8, 1, 0, 0, 0, 0, time.UTC), "2014 жылғы 1 тамыздағы", "«1» августа 2014 года"},
		{"seed: 29 қыркүйектегі", time.Date(2014, 9, 29, 0, 0, 0, 0, time.UTC), "2014 жылғы 29 қыркүйектегі", "«29» сентября 2014 года"},
		{"seed: 18 ақпандағы", time.Date(2016, 2, 18, 0, 0, 0, 0, time.UTC), "2016 жылғы 18 ақпандағы", "«18» февраля 2016 года"},
		{"front vowel month", time.Date(2026, 4, 3, 0, 0, 0, 0, time.UTC), "2026 жылғы 3 сәуірдегі", "«3» апреля 2026 года"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			if got := DateKK(tc.date); got != tc.kk {
				t.Errorf("DateKK = %q, want %q", got, tc.kk)
			}
			if got := DateRU(tc.date); got != tc.ru {
				t.Errorf("DateRU = %q, want %q", got, tc.ru)
			}
		})
	}
}
