package deadline

import (
	"strconv"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
)

// Record is the JSON form of a deadline, the contract of
// `konkurs deadlines --format json`: dates are YYYY-MM-DD, "" when unknown.
type Record struct {
	Competition  string                `json:"competition"`
	Item         string                `json:"item"`
	Application  string                `json:"application,omitempty"`
	TriggerEvent competition.EventKind `json:"trigger_event"`
	Trigger      string                `json:"trigger"`
	Due          string                `json:"due"`
	DoneEvent    competition.EventKind `json:"done_event"`
	Done         string                `json:"done"`
	Period       int                   `json:"period"`
	Unit         Unit                  `json:"unit"`
	Before       bool                  `json:"before,omitempty"`
	Status       Status                `json:"status"`
	Party        Party                 `json:"party"`
	LegalReview  bool                  `json:"legal_review,omitempty"`
	Provisional  bool                  `json:"provisional,omitempty"`
	Lang         catalog.Lang          `json:"lang"`
	Text         string                `json:"text"`
	PartyText    string                `json:"party_text"`
	StatusText   string                `json:"status_text"`
	PeriodText   string                `json:"period_text"`
}

// Record renders d for competition id with its texts in lang.
func (d Deadline) Record(id string, lang catalog.Lang) Record {
	r := d.Rule
	return Record{
		Competition:  id,
		Item:         r.Item,
		Application:  d.Application,
		TriggerEvent: r.Trigger,
		Trigger:      d.Trigger.String(),
		Due:          d.Due.String(),
		DoneEvent:    r.Done,
		Done:         d.Done.String(),
		Period:       r.Period,
		Unit:         r.Unit,
		Before:       r.Before,
		Status:       d.Status,
		Party:        r.Party,
		LegalReview:  r.LegalReview,
		Provisional:  d.Provisional,
		Lang:         lang,
		Text:         catalog.T(lang, r.TextKey()),
		PartyText:    catalog.T(lang, "deadline.party."+string(r.Party)),
		StatusText:   catalog.T(lang, "deadline.status."+string(d.Status)),
		PeriodText:   PeriodText(lang, r),
	}
}

// PeriodText is the rule's period in words of lang ("5 working days").
func PeriodText(lang catalog.Lang, r *Rule) string {
	key := "deadline.unit." + string(r.Unit)
	if r.Before {
		key += ".before"
	}
	return catalog.T(lang, key, "n", strconv.Itoa(r.Period))
}
