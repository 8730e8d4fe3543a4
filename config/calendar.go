package config

// CalendarConfig extends or overrides the embedded working-day calendar.
type CalendarConfig struct {
	// File is an optional CSV (header date,kind,status,note) of the year's
	// facts the law does not fix: kurban_ait (first day of Kurban Ait, one
	// per year, replaces the embedded date), transfer_off and transfer_work
	// (the labour ministry's transfers), day_off and holiday (one-off days).
	// Rows win over the embedded data for the same date. See docs/deadlines.md.
	File string `yaml:"file"`
}

func defaultCalendar() CalendarConfig { return CalendarConfig{} }
