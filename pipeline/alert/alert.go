package alert

import (
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/pipeline/deadline"
)

// Level of an alert: a deadline due within the horizon, or past due.
type Level string

const (
	LevelDueSoon Level = "due_soon"
	LevelOverdue Level = "overdue"
)

// Alert is one deadline that needs action. Key identifies the deadline and
// level: an alert with the same Key is sent once per sink.
type Alert struct {
	Key     string          `json:"key"`
	Level   Level           `json:"level"`
	Source  string          `json:"source"` // the case file it came from
	Subject string          `json:"subject"`
	Message string          `json:"message"`
	Record  deadline.Record `json:"deadline"`
}

// Problem is a case file that could not be evaluated.
type Problem struct {
	Source string `json:"source"`
	Error  string `json:"error"`
}

// Digest is the daily summary: every deadline due soon or overdue, and the
// case files that could not be read.
type Digest struct {
	Key          string            `json:"key"`
	Date         string            `json:"date"` // YYYY-MM-DD in the scheduler's time zone
	Competitions int               `json:"competitions"`
	Subject      string            `json:"subject"`
	Deadlines    []deadline.Record `json:"deadlines"`
	Problems     []Problem         `json:"problems,omitempty"`
	Text         string            `json:"text"` // the digest as plain text, for e-mail
}

func alertKey(competition string, d deadline.Deadline, level Level) string {
	return strings.Join([]string{competition, d.Rule.Item, d.Application, d.Trigger.String(), d.Due.String(), string(level)}, "|")
}

func newAlert(source, competition string, d deadline.Deadline, level Level, lang catalog.Lang) Alert {
	rec := d.Record(competition, lang)
	args := []string{"competition", competition, "item", rec.Item, "due", rec.Due, "text", rec.Text,
		"party", rec.PartyText, "application", rec.Application}
	key := "alert.subject." + string(level)
	msgKey := "alert.message." + string(level)
	if rec.Application != "" {
		msgKey += ".application"
	}
	return Alert{
		Key:     alertKey(competition, d, level),
		Level:   level,
		Source:  source,
		Subject: catalog.T(lang, key, args...),
		Message: catalog.T(lang, msgKey, args...),
		Record:  rec,
	}
}

func levelOf(s deadline.Status) (Level, bool) {
	switch s {
	case deadline.DueSoon:
		return LevelDueSoon, true
	case deadline.Overdue:
		return LevelOverdue, true
	}
	return "", false
}
