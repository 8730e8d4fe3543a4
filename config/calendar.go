package config

// CalendarConfig extends or overrides the embedded working-day calendar.
type CalendarConfig struct {
	// File is an optional CSV of extra non-working days and transfers.
	File string `yaml:"file"`
}

func defaultCalendar() CalendarConfig { return CalendarConfig{} }
