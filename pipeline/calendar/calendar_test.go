package calendar

import (
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/konkurs/konkurs/catalog"
)

func date(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDayKinds(t *testing.T) {
	cal := Embedded()
	for _, tc := range []struct {
		scenario string
		date     string
		want     DayKind
	}{
		{"Nauryz 2026 on a Saturday", "2026-03-21", Holiday},
		{"Nauryz 2026 on a Monday", "2026-03-23", Holiday},
		{"carry-over of Saturday 21 March 2026", "2026-03-24", CarryOver},
		{"carry-over of Sunday 22 March 2026", "2026-03-25", CarryOver},
		{"working day after the Nauryz carry-overs", "2026-03-26", Working},
		{"working Sunday of 5 January 2025", "2025-01-05", TransferWork},
		{"transferred day off 3 January 2025", "2025-01-03", TransferOff},
		{"Orthodox Christmas 2025", "2025-01-07", DayOff},
		{"Orthodox Christmas on a Saturday: no carry-over", "2023-01-09", Working},
		{"Kurban Ait 2024 on a Sunday: no carry-over", "2024-06-17", Working},
		{"Kurban Ait 2025", "2025-06-06", DayOff},
		{"Republic Day 2025 on a Saturday", "2025-10-27", CarryOver},
		{"New Year 2023 on a Sunday, 2 January a Monday holiday", "2023-01-03", CarryOver},
		{"New Year 2022 on a weekend: two carry-overs", "2022-01-04", CarryOver},
		{"1 December was a holiday until 2021", "2021-12-01", Holiday},
		{"1 December 2019 on a Sunday carried to Monday", "2019-12-02", CarryOver},
		{"1 December is a working day from 2022", "2022-12-01", Working},
		{"17 December was a holiday until 2021", "2020-12-17", Holiday},
		{"17 December 2022 (a Saturday) is no longer a holiday: no carry-over", "2022-12-19", Working},
		{"16 December 2023 on a Saturday carried to Monday", "2023-12-18", CarryOver},
		{"25 October was not a holiday before 2022", "2021-10-25", Working},
		{"25 October 2022 is Republic Day", "2022-10-25", Holiday},
		{"New Year 2016 on a Saturday carried to Monday 4 January", "2016-01-04", CarryOver},
		{"7 May 2016 on a Saturday carried past Victory Day to 10 May", "2016-05-10", CarryOver},
		{"Victory Day 2016 on the Monday", "2016-05-09", Holiday},
		{"working Saturday of the 2023 Capital Day transfer", "2023-07-01", TransferWork},
		{"ordinary Saturday", "2025-11-22", Weekend},
		{"Nauryz 2019: Saturday 23 March carried to Monday 25", "2019-03-25", CarryOver},
		{"Capital Day 2019 on a Saturday carried to Monday 8 July", "2019-07-08", CarryOver},
		{"Nauryz 2021 on a Sunday carried past 22–23 March to Wednesday 24", "2021-03-24", CarryOver},
		{"2018 transfer: Friday 9 March off", "2018-03-09", TransferOff},
		{"2018 transfer: Saturday 3 March worked", "2018-03-03", TransferWork},
		{"2021 transfer: Monday 5 July off before Capital Day", "2021-07-05", TransferOff},
		{"2022 transfer: Monday 7 March off", "2022-03-07", TransferOff},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			got, err := cal.Kind(date(tc.date))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("%s is %s, want %s", tc.date, got, tc.want)
			}
		})
	}
}

func TestCounting(t *testing.T) {
	cal := Embedded()
	for _, tc := range []struct {
		scenario string
		trigger  string
		n        int
		unit     string
		want     string
	}{
		{"5 working days across Nauryz 2026", "2026-03-19", 5, "working", "2026-03-31"},
		{"1 working day from the Friday before Nauryz 2026", "2026-03-20", 1, "working", "2026-03-26"},
		{"calendar days ending on Nauryz roll to 26 March", "2026-03-20", 3, "calendar", "2026-03-26"},
		{"calendar days ending on a carry-over roll forward", "2026-03-14", 10, "calendar", "2026-03-26"},
		{"working Sunday 5 January 2025 counts", "2024-12-31", 1, "working", "2025-01-05"},
		{"3 working days across New Year 2025 and Christmas", "2024-12-31", 3, "working", "2025-01-08"},
		{"10 working days across New Year 2026", "2025-12-24", 10, "working", "2026-01-12"},
		{"20 calendar days across New Year 2026 end on 2 January: roll to Monday", "2025-12-13", 20, "calendar", "2026-01-05"},
		{"60 calendar days ending on a working day", "2026-01-15", 60, "calendar", "2026-03-16"},
		{"item 42: 31 December 2025 + 2 months = Saturday 28 February, rolled to Monday", "2025-12-31", 2, "months", "2026-03-02"},
		{"item 42: 31 December 2027 + 2 months = 29 February 2028 (Tuesday)", "2027-12-31", 2, "months", "2028-02-29"},
		{"month end: 31 January + 1 month = last day of February", "2029-01-31", 1, "months", "2029-02-28"},
		{"month end: 30 April + 2 months = 30 June", "2026-04-30", 2, "months", "2026-06-30"},
		{"zero working days is the trigger", "2026-03-21", 0, "working", "2026-03-21"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			var got Date
			var err error
			switch tc.unit {
			case "working":
				got, err = cal.AddWorkingDays(date(tc.trigger), tc.n)
			case "calendar":
				got, err = cal.AddCalendarDays(date(tc.trigger), tc.n)
			case "months":
				got, err = cal.AddMonths(date(tc.trigger), tc.n)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tc.want {
				t.Errorf("%s + %d %s = %s, want %s", tc.trigger, tc.n, tc.unit, got, tc.want)
			}
		})
	}
}

func TestSameDayMonthsLater(t *testing.T) {
	for _, tc := range []struct{ from, want string }{
		{"2025-12-31", "2026-02-28"},
		{"2027-12-31", "2028-02-29"},
		{"2026-01-15", "2026-03-15"},
		{"2026-11-30", "2027-01-30"},
	} {
		if got := SameDayMonthsLater(date(tc.from), 2); got.String() != tc.want {
			t.Errorf("%s + 2 months = %s, want %s", tc.from, got, tc.want)
		}
	}
}

func TestOutOfRangeIsRefused(t *testing.T) {
	cal := Embedded()
	for _, d := range []string{"2014-12-31", "2031-01-01"} {
		_, err := cal.IsWorkingDay(date(d))
		if !errors.Is(err, ErrOutOfRange) {
			t.Fatalf("%s: got %v, want ErrOutOfRange", d, err)
		}
		if !strings.Contains(err.Error(), d) || !strings.Contains(err.Error(), "2015") {
			t.Errorf("error does not name the date and the range: %v", err)
		}
	}
	if _, err := cal.AddWorkingDays(date("2030-12-30"), 5); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("counting past 2030: got %v, want ErrOutOfRange", err)
	}
}

// The computed calendar must agree, day by day, with the published table of
// non-working days for 2025 and 2026 (copied from the project's reference).
func TestMatchesPublishedTable2025And2026(t *testing.T) {
	f, err := os.Open("testdata/kz-non-working-days-2025-2026.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantKind := map[string]DayKind{
		"holiday": Holiday, "carryover_off": CarryOver, "day_off": DayOff,
		"transfer_off": TransferOff, "transfer_work": TransferWork, "working": Working,
	}
	listed := map[Date]DayKind{}
	for _, r := range recs[1:] {
		k, ok := wantKind[r[2]]
		if !ok {
			t.Fatalf("unknown kind %q in the published table", r[2])
		}
		listed[date(r[0])] = k
	}
	cal := Embedded()
	for d := NewDate(2025, time.January, 1); d.Year() <= 2026; d = d.AddDays(1) {
		want, ok := listed[d]
		if !ok {
			want = Working
			if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
				want = Weekend
			}
		}
		got, err := cal.Kind(d)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s (%s): computed %s, published %s", d, d.Weekday(), got, want)
		}
	}
}

func TestUserFileOverridesAndExtends(t *testing.T) {
	path := t.TempDir() + "/days.csv"
	data := "date,kind,status,note\n" +
		"2026-05-26,kurban_ait,confirmed,moved by the ministry\n" +
		"2026-12-31,transfer_off,,\n" +
		"2026-12-26,transfer_work,,\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	cal, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for d, want := range map[string]DayKind{
		"2026-05-26": DayOff, "2026-05-27": Working, "2026-12-31": TransferOff, "2026-12-26": TransferWork,
	} {
		if got, _ := cal.Kind(date(d)); got != want {
			t.Errorf("%s: %s, want %s", d, got, want)
		}
	}
	if got, _ := Embedded().Kind(date("2026-05-27")); got != DayOff {
		t.Errorf("the embedded calendar changed: 2026-05-27 is %s", got)
	}
}

func TestBadUserFileNamesFileAndLine(t *testing.T) {
	for _, tc := range []struct{ scenario, data, want string }{
		{"bad date", "date,kind\n2026-02-30,day_off\n", "days.csv:2"},
		{"bad kind", "date,kind\n2026-02-03,party\n", "party"},
		{"year out of range", "date,kind\n2035-02-03,day_off\n", "2035-02-03"},
		{"wrong header", "day,sort\n", "days.csv:1"},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			path := t.TempDir() + "/days.csv"
			if err := os.WriteFile(path, []byte(tc.data), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// Every bad line of a user's file is reported at once, each with its line.
func TestBadUserFileReportsEveryBadLine(t *testing.T) {
	path := t.TempDir() + "/days.csv"
	data := "date,kind,status\n2026-13-01,day_off\n2026-05-05,holliday\n2026-05-06,day_off,official\n2026-05-07,day_off\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	var fe FileErrors
	if !errors.As(err, &fe) || len(fe) != 3 {
		t.Fatalf("got %v, want the three bad lines", err)
	}
	text := fe.Text(catalog.RU)
	for _, want := range []string{"days.csv:2", "days.csv:3", "holliday", "days.csv:4", "official"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	var first *Error
	if !errors.As(err, &first) || first.Key != "calendar.file.date" {
		t.Errorf("errors.As(*Error) = %v, want the first line's problem", first)
	}
}

func TestDateJSONAndWeekday(t *testing.T) {
	d := date("2026-03-21")
	if d.Weekday() != time.Saturday {
		t.Errorf("weekday %s", d.Weekday())
	}
	b, _ := d.MarshalJSON()
	if string(b) != `"2026-03-21"` {
		t.Errorf("json %s", b)
	}
	var z Date
	if b, _ := z.MarshalJSON(); string(b) != `""` {
		t.Errorf("zero json %s", b)
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	cal := Embedded()
	d := date("2026-03-19")
	for b.Loop() {
		if _, err := cal.AddWorkingDays(d, 10); err != nil {
			b.Fatal(err)
		}
	}
}
