// Package calendar owns Kazakhstan's five-day-week working-day calendar for
// state bodies (Law on Holidays with its article 5 carry-over, days off,
// the labour ministry's annual transfers) and the counting of time limits
// in working days, calendar days and months.
//
// Counting rule (Law on Administrative Procedures art. 12-1, the practice of
// the Civil Code): a period starts the day after its trigger. A period of N
// working days ends on the N-th working day after the trigger. A period of N
// calendar days, or of months, that ends on a non-working day ends on the
// next working day. A period of months ends on the same day of the month, or
// on the month's last day when that day does not exist (31 December + 2
// months = 28 or 29 February).
package calendar
