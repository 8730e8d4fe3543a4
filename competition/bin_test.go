package competition

import "testing"

func TestValidBIN(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		bin      string
		valid    bool
	}{
		{"first pass gives the control digit", "150340001236", true},
		{"another valid BIN", "160540004567", true},
		{"wrong control digit", "150340001237", false},
		{"eleven digits", "15034000123", false},
		{"thirteen digits", "1503400012361", false},
		{"letters", "15034000123A", false},
		{"empty", "", false},
		// 000000000101: first pass sums to 10, the second pass gives 2... so
		// the control digit must come from the shifted weights.
		{"second pass decides", secondPassBIN(), true},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			if got := ValidBIN(tc.bin); got != tc.valid {
				t.Errorf("ValidBIN(%q) = %v, want %v", tc.bin, got, tc.valid)
			}
		})
	}
}

// secondPassBIN finds a BIN whose first weighted sum is 10 mod 11, so that
// only the second pass can validate it; computed, so the test cannot pass
// by a table of known answers.
func secondPassBIN() string {
	for n := 100000000; n < 200000000; n++ {
		s := []byte("00" + itoa9(n))
		var d [12]int
		for i := 0; i < 11; i++ {
			d[i] = int(s[i] - '0')
		}
		if binControl(d, [11]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) != 10 {
			continue
		}
		c := binControl(d, [11]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2})
		if c == 10 {
			continue
		}
		return string(s) + string(rune('0'+c))
	}
	return ""
}

func itoa9(n int) string {
	b := make([]byte, 9)
	for i := 8; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}
