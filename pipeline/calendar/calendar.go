package calendar

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"
)

// DayKind says why a day is, or is not, a working day.
type DayKind uint8

const (
	Working      DayKind = iota // an ordinary Monday–Friday
	Weekend                     // Saturday or Sunday of the five-day week
	Holiday                     // a national or state holiday (Law on Holidays)
	CarryOver                   // art. 5: day off for a holiday that fell on a weekend
	DayOff                      // 7 January, Kurban Ait day 1, or an extra day off: no carry-over
	TransferOff                 // a working day made a day off by a transfer order
	TransferWork                // a weekend day made a working day by a transfer order
)

var dayKindNames = [...]string{"working", "weekend", "holiday", "carryover_off", "day_off", "transfer_off", "transfer_work"}

func (k DayKind) String() string {
	if int(k) < len(dayKindNames) {
		return dayKindNames[k]
	}
	return fmt.Sprintf("DayKind(%d)", k)
}

// IsWorking reports whether a day of kind k is a working day.
func (k DayKind) IsWorking() bool { return k == Working || k == TransferWork }

// Calendar is the working-day calendar of FirstYear..LastYear, computed once
// when it is built; lookups are array reads. It is safe for concurrent use.
type Calendar struct {
	first, last Date
	days        []DayKind // index: date - first
	provisional map[Date]bool
}

var (
	embeddedOnce sync.Once
	embeddedCal  *Calendar
)

// Embedded returns the calendar built from the law and the embedded data
// file alone. The embedded file is part of the build: a defect panics.
func Embedded() *Calendar {
	embeddedOnce.Do(func() {
		c, err := New(nil)
		if err != nil {
			panic(err)
		}
		embeddedCal = c
	})
	return embeddedCal
}

// Load builds the calendar from the embedded data extended or overridden
// by the CSV file at path (calendar.file in the configuration); an empty
// path gives the embedded calendar.
func Load(path string) (*Calendar, error) {
	if path == "" {
		return Embedded(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Key: "calendar.file.read", Args: []string{"file", path, "detail", err.Error()}}
	}
	rows, err := ParseRows(bytes.NewReader(data), path)
	if err != nil {
		return nil, err
	}
	return New(rows)
}

// New builds a calendar from the law, the embedded data and the user's rows,
// which win: a user row replaces any embedded row of the same date, and a
// user kurban_ait row replaces the embedded one of its year.
func New(userRows []Row) (*Calendar, error) {
	base, err := ParseRows(bytes.NewReader(embeddedDays), EmbeddedName)
	if err != nil {
		return nil, err
	}
	userDates := map[Date]bool{}
	userKurban := map[int]bool{}
	for _, r := range userRows {
		userDates[r.Date] = true
		if r.Kind == RowKurbanAit {
			userKurban[r.Date.Year()] = true
		}
	}
	rows := make([]Row, 0, len(base)+len(userRows))
	for _, r := range base {
		if userDates[r.Date] || (r.Kind == RowKurbanAit && userKurban[r.Date.Year()]) {
			continue
		}
		rows = append(rows, r)
	}
	rows = append(rows, userRows...)
	return build(rows), nil
}

func build(rows []Row) *Calendar {
	c := &Calendar{
		first:       NewDate(FirstYear, time.January, 1),
		last:        NewDate(LastYear, time.December, 31),
		provisional: map[Date]bool{},
	}
	c.days = make([]DayKind, c.first.DaysUntil(c.last)+1)
	for i := range c.days {
		switch c.first.AddDays(i).Weekday() {
		case time.Saturday, time.Sunday:
			c.days[i] = Weekend
		}
	}
	var holidays []Date
	for y := FirstYear; y <= LastYear; y++ {
		for _, md := range statutoryHolidays(y) {
			holidays = append(holidays, NewDate(y, md.m, md.d))
		}
		c.set(NewDate(y, orthodoxChristmas.m, orthodoxChristmas.d), DayOff)
	}
	for _, r := range rows {
		switch r.Kind {
		case RowHoliday:
			holidays = append(holidays, r.Date)
		case RowKurbanAit, RowDayOff:
			c.set(r.Date, DayOff)
		}
		if r.Provisional {
			c.provisional[r.Date] = true
		}
	}
	sort.Slice(holidays, func(i, j int) bool { return holidays[i].Before(holidays[j]) })
	for _, h := range holidays {
		c.set(h, Holiday)
	}
	// Art. 5: when a holiday falls on a Saturday or Sunday, the next working
	// day after the holiday is a day off; two such holidays give two days.
	// Going in date order, each takes the first free weekday after it.
	for _, h := range holidays {
		if wd := h.Weekday(); wd != time.Saturday && wd != time.Sunday {
			continue
		}
		for d := h.AddDays(1); !d.After(c.last); d = d.AddDays(1) {
			if c.kind(d) == Working {
				c.set(d, CarryOver)
				break
			}
		}
	}
	// Transfer orders come last: they are made knowing the holidays.
	for _, r := range rows {
		switch r.Kind {
		case RowTransferOff:
			c.set(r.Date, TransferOff)
		case RowTransferWork:
			c.set(r.Date, TransferWork)
		}
	}
	return c
}

func (c *Calendar) set(d Date, k DayKind) { c.days[c.first.DaysUntil(d)] = k }
func (c *Calendar) kind(d Date) DayKind   { return c.days[c.first.DaysUntil(d)] }

// Covers reports whether d lies in the calendar's years.
func (c *Calendar) Covers(d Date) bool { return !d.Before(c.first) && !d.After(c.last) }

// Kind tells what kind of day d is.
func (c *Calendar) Kind(d Date) (DayKind, error) {
	if !c.Covers(d) {
		return 0, outOfRange(d)
	}
	return c.kind(d), nil
}

// IsWorkingDay reports whether d is a working day of the five-day week.
func (c *Calendar) IsWorkingDay(d Date) (bool, error) {
	k, err := c.Kind(d)
	return k.IsWorking(), err
}

// IsProvisional reports whether d's kind rests on a provisional row (an
// announced or estimated date that may still change).
func (c *Calendar) IsProvisional(d Date) bool { return c.provisional[d] }

// ProvisionalBetween reports whether any day after from up to and including
// to rests on a provisional row: a period counted over it may still move.
func (c *Calendar) ProvisionalBetween(from, to Date) bool {
	for d := range c.provisional {
		if d.After(from) && !d.After(to) {
			return true
		}
	}
	return false
}
