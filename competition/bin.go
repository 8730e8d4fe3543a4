package competition

// ValidBIN reports whether s is a valid 12-digit BIN or IIN: the twelfth digit
// is the control digit of the official two-pass weighted mod-11 algorithm.
func ValidBIN(s string) bool {
	if len(s) != 12 {
		return false
	}
	var d [12]int
	for i := 0; i < 12; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		d[i] = int(s[i] - '0')
	}
	control := binControl(d, [11]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	if control == 10 {
		// The second pass shifts the weights when the first gives 10.
		control = binControl(d, [11]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2})
	}
	return control != 10 && control == d[11]
}

func binControl(d [12]int, weights [11]int) int {
	sum := 0
	for i, w := range weights {
		sum += d[i] * w
	}
	return sum % 11
}
