package calendar

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Date is a civil date without time of day or zone. The zero Date means
// "no date". Dates are stored as a day number so that counting is cheap.
type Date struct{ n int32 }

// dayBias keeps every real date non-zero, so the zero value stays "no date".
const dayBias = 1 << 20

// DateLayout is how dates are written: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// NewDate returns the date y-m-d (out-of-range days normalise like time.Date).
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{int32(t.Unix()/86400) + dayBias}
}

// DateOf returns the date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d.n == 0 }

// Time returns midnight of d in loc.
func (d Date) Time(loc *time.Location) time.Time {
	u := time.Unix(int64(d.n-dayBias)*86400, 0).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, loc)
}

func (d Date) utc() time.Time { return time.Unix(int64(d.n-dayBias)*86400, 0).UTC() }

// Year, Month and Day of d.
func (d Date) Year() int         { return d.utc().Year() }
func (d Date) Month() time.Month { return d.utc().Month() }
func (d Date) Day() int          { return d.utc().Day() }
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	return time.Weekday((int(d.n-dayBias)%7 + 7 + 4) % 7)
}

// AddDays returns d plus n calendar days, with no working-day rule.
func (d Date) AddDays(n int) Date { return Date{d.n + int32(n)} }

// DaysUntil is the number of calendar days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.n - d.n) }

// Before, After and Equal compare dates.
func (d Date) Before(e Date) bool { return d.n < e.n }
func (d Date) After(e Date) bool  { return d.n > e.n }
func (d Date) Equal(e Date) bool  { return d.n == e.n }

// String writes YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.utc().Format(DateLayout)
}

// MarshalJSON writes "YYYY-MM-DD" ("" for the zero Date).
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "YYYY-MM-DD" or "".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be a string YYYY-MM-DD")
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}
