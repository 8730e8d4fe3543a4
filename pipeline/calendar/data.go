package calendar

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// The per-year facts that no law fixes in advance: the first day of Kurban
// Ait (set yearly by the labour ministry with the Spiritual Administration of
// Muslims) and the ministry's transfers of days off. Users add a new year's
// order, or correct a provisional date, in the CSV named by calendar.file.
//
//go:embed data/kz-days.csv
var embeddedDays []byte

// EmbeddedName names the embedded data file in error messages.
const EmbeddedName = "pipeline/calendar/data/kz-days.csv"

// RowKind is the kind of a row of a calendar data file.
type RowKind string

const (
	// RowKurbanAit is the first day of Kurban Ait: a day off without carry-over.
	// One per year; a user file's row replaces the embedded one for its year.
	RowKurbanAit RowKind = "kurban_ait"
	// RowHoliday is an extra holiday with the article 5 carry-over (for a
	// one-off holiday declared by law).
	RowHoliday RowKind = "holiday"
	// RowDayOff is an extra day off without carry-over.
	RowDayOff RowKind = "day_off"
	// RowTransferOff is a working day made a day off by a transfer order.
	RowTransferOff RowKind = "transfer_off"
	// RowTransferWork is a day made a working day by a transfer order (a
	// working Saturday or Sunday), or a correction that makes a date working.
	RowTransferWork RowKind = "transfer_work"
)

// Row is one line of a calendar data file: date,kind,status,note.
type Row struct {
	Date        Date
	Kind        RowKind
	Provisional bool // status "provisional": announced or estimated, may change
	Note        string
}

// ParseRows reads a calendar data file. The header line is required so that
// a file of another shape is refused instead of misread. name is used in
// error messages.
func ParseRows(r io.Reader, name string) ([]Row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	var rows []Row
	var problems FileErrors
	for line := 1; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, fileError(name, line, "syntax", "detail", err.Error())
		}
		line, _ = cr.FieldPos(0)
		if len(rows) == 0 && len(problems) == 0 && len(rec) > 0 && strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff")) == "date" {
			if len(rec) < 2 || strings.TrimSpace(rec[1]) != "kind" {
				return nil, fileError(name, line, "header")
			}
			continue
		}
		row, problem := parseRow(rec, name, line)
		if problem != nil {
			// Every bad line is reported, so the file is fixed in one go.
			problems = append(problems, problem)
			continue
		}
		rows = append(rows, row)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return rows, nil
}

// parseRow reads one line of a calendar data file.
func parseRow(rec []string, name string, line int) (Row, *Error) {
	if len(rec) < 2 {
		return Row{}, fileError(name, line, "columns")
	}
	d, err := ParseDate(rec[0])
	if err != nil {
		return Row{}, fileError(name, line, "date", "value", rec[0])
	}
	row := Row{Date: d, Kind: RowKind(strings.TrimSpace(rec[1]))}
	switch row.Kind {
	case RowKurbanAit, RowHoliday, RowDayOff, RowTransferOff, RowTransferWork:
	default:
		return Row{}, fileError(name, line, "kind", "value", rec[1])
	}
	if len(rec) > 2 {
		switch s := strings.TrimSpace(rec[2]); s {
		case "", "confirmed":
		case "provisional":
			row.Provisional = true
		default:
			return Row{}, fileError(name, line, "status", "value", s)
		}
	}
	if len(rec) > 3 {
		row.Note = strings.TrimSpace(rec[3])
	}
	if y := d.Year(); y < FirstYear || y > LastYear {
		return Row{}, fileError(name, line, "year", "value", rec[0], "first", itoa(FirstYear), "last", itoa(LastYear))
	}
	return row, nil
}
