package calendar

import "time"

// FirstYear and LastYear bound the years the calendar covers. Decree No. 535
// dates from 2015; after 2030 the law and the ministry's orders are unknown,
// so dates outside are refused rather than guessed.
const (
	FirstYear = 2015
	LastYear  = 2030
)

type monthDay struct {
	m time.Month
	d int
}

// holidaysSince2022 are the national and state holidays of the Law on
// Holidays (No. 267-II of 13.12.2001) as amended on 29.09.2022: 25 October
// became a holiday again, 1 December (First President's Day) and 17 December
// were dropped.
var holidaysSince2022 = []monthDay{
	{time.January, 1}, {time.January, 2},
	{time.March, 8},
	{time.March, 21}, {time.March, 22}, {time.March, 23},
	{time.May, 1}, {time.May, 7}, {time.May, 9},
	{time.July, 6},
	{time.August, 30},
	{time.October, 25},
	{time.December, 16},
}

// holidaysUntil2021 are the holidays of the same law as it stood from 2013
// (7 May added) to 2021: First President's Day on 1 December and
// Independence Day on 16 and 17 December, no 25 October.
var holidaysUntil2021 = []monthDay{
	{time.January, 1}, {time.January, 2},
	{time.March, 8},
	{time.March, 21}, {time.March, 22}, {time.March, 23},
	{time.May, 1}, {time.May, 7}, {time.May, 9},
	{time.July, 6},
	{time.August, 30},
	{time.December, 1},
	{time.December, 16}, {time.December, 17},
}

// statutoryHolidays returns the holidays of year under the law in force then.
// The 2022 amendment took effect in October 2022, before any of the days it
// changed that year (25 October, 1 and 17 December), so 2022 follows it whole.
func statutoryHolidays(year int) []monthDay {
	if year >= 2022 {
		return holidaysSince2022
	}
	return holidaysUntil2021
}

// Orthodox Christmas, 7 January, is a day off (not a holiday): no carry-over.
var orthodoxChristmas = monthDay{time.January, 7}
