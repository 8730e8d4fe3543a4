package calendar

import "time"

// AddWorkingDays returns the n-th working day after trigger (n ≥ 1): the
// period starts the day after the trigger and counts working days only.
// n = 0 returns the trigger itself.
func (c *Calendar) AddWorkingDays(trigger Date, n int) (Date, error) {
	if !c.Covers(trigger) {
		return Date{}, outOfRange(trigger)
	}
	d := trigger
	for n > 0 {
		d = d.AddDays(1)
		if !c.Covers(d) {
			return Date{}, outOfRange(d)
		}
		if c.kind(d).IsWorking() {
			n--
		}
	}
	return d, nil
}

// AddCalendarDays returns the end of a period of n calendar days after
// trigger: trigger + n, moved to the next working day when it falls on a
// non-working day.
func (c *Calendar) AddCalendarDays(trigger Date, n int) (Date, error) {
	if !c.Covers(trigger) {
		return Date{}, outOfRange(trigger)
	}
	return c.NextWorkingDayFrom(trigger.AddDays(n))
}

// AddMonths returns the end of a period of n months after trigger
// (SameDayMonthsLater), moved to the next working day when it falls on a
// non-working day.
func (c *Calendar) AddMonths(trigger Date, n int) (Date, error) {
	if !c.Covers(trigger) {
		return Date{}, outOfRange(trigger)
	}
	return c.NextWorkingDayFrom(SameDayMonthsLater(trigger, n))
}

// NextWorkingDayFrom returns d when it is a working day, otherwise the next
// working day after it.
func (c *Calendar) NextWorkingDayFrom(d Date) (Date, error) {
	for ; c.Covers(d); d = d.AddDays(1) {
		if c.kind(d).IsWorking() {
			return d, nil
		}
	}
	return Date{}, outOfRange(d)
}

// WorkingDaysBetween counts the working days after from up to and including
// to (0 when to is not after from).
func (c *Calendar) WorkingDaysBetween(from, to Date) (int, error) {
	if !c.Covers(from) {
		return 0, outOfRange(from)
	}
	if !c.Covers(to) {
		return 0, outOfRange(to)
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if c.kind(d).IsWorking() {
			n++
		}
	}
	return n, nil
}

// SameDayMonthsLater is art. 12-1's month arithmetic: the same day of the
// month n months later, or that month's last day when the day does not
// exist there (31 December + 2 months = 28 or 29 February). No working-day
// rule is applied. n may be negative.
func SameDayMonthsLater(d Date, n int) Date {
	y, m, day := d.Year(), d.Month(), d.Day()
	total := y*12 + int(m) - 1 + n
	ty, tm := total/12, time.Month(total%12+1)
	if last := daysIn(ty, tm); day > last {
		day = last
	}
	return NewDate(ty, tm, day)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
