package web

import (
	"fmt"
	"html"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/calendar"
	"github.com/konkurs/konkurs/pipeline/deadline"
)

// statusColour is the colour of each deadline status on the timeline and
// in the tables (the same colours as the .status-* classes of style.css).
var statusColour = map[deadline.Status]string{
	deadline.Met:          "#1e7d32",
	deadline.Late:         "#8d5b00",
	deadline.Open:         "#0b5cad",
	deadline.DueSoon:      "#c77700",
	deadline.Overdue:      "#b3261e",
	deadline.NotTriggered: "#8a929d",
	deadline.Closed:       "#4e5560",
}

var timelineStatuses = []deadline.Status{deadline.Met, deadline.Late, deadline.Open, deadline.DueSoon, deadline.Overdue, deadline.Closed, deadline.NotTriggered}

// Geometry of the timeline, in SVG user units (pixels at 100%).
const (
	tlWidth   = 1060
	tlLeft    = 210 // room for the row labels
	tlRight   = 20
	tlTop     = 56 // stage bands above the rows
	tlRow     = 22
	tlAxis    = 34
	tlLegend  = 30
	tlBandTop = 8
)

// timelineSVG draws the competition's stages and every deadline as a bar
// from its trigger to its due date in its status colour, the completion
// as a diamond, and today as a vertical line. Drawn on the server so the
// page needs no script; every mark has a <title> for screen readers.
func timelineSVG(cf *competition.CaseFile, ds []deadline.Deadline, today calendar.Date, lang catalog.Lang) string {
	c := cf.Competition
	ann := calendar.DateOf(c.AnnouncementDate.Time)
	s1 := calendar.DateOf(c.Stage1Deadline.Time)
	var s2 calendar.Date
	if c.Stage2Deadline != nil {
		s2 = calendar.DateOf(c.Stage2Deadline.Time)
	}
	first, last := ann, s1
	widen := func(d calendar.Date) {
		if d.IsZero() {
			return
		}
		if d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	widen(s2)
	widen(today)
	for _, d := range ds {
		widen(d.Trigger)
		widen(d.Due)
		widen(d.Done)
	}
	first, last = first.AddDays(-7), last.AddDays(14)
	span := float64(first.DaysUntil(last))
	plot := float64(tlWidth - tlLeft - tlRight)
	x := func(d calendar.Date) float64 { return tlLeft + float64(first.DaysUntil(d))/span*plot }

	height := tlTop + len(ds)*tlRow + tlAxis + tlLegend
	t := func(key string, kv ...string) string { return html.EscapeString(catalog.T(lang, key, kv...)) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="tl-title" font-family="Liberation Sans, Arial, sans-serif" font-size="12">`,
		tlWidth, height, tlWidth, height)
	fmt.Fprintf(&b, `<title id="tl-title">%s</title>`, t("web.timeline.title", "id", c.ID, "date", today.String()))
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`, tlWidth, height)

	// Stages: intake of stage-1 applications, stage-1 review, then stage 2.
	band := func(from, to calendar.Date, fill, key string) {
		if from.IsZero() || to.IsZero() || !from.Before(to) {
			return
		}
		x1, x2 := x(from), x(to)
		fmt.Fprintf(&b, `<g class="stage"><title>%s: %s – %s</title><rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/><text x="%.1f" y="%d">%s</text></g>`,
			t(key), from, to, x1, tlBandTop, x2-x1, tlTop-tlBandTop-8, fill, x1+4, tlBandTop+16, t(key))
	}
	band(ann, s1, "#e3eefb", "web.timeline.stage_intake")
	if s2.IsZero() {
		band(s1, last, "#eef6e8", "web.timeline.stage_review")
	} else {
		band(s1, s2, "#eef6e8", "web.timeline.stage_review")
		band(s2, last, "#fbf0e0", "web.timeline.stage2")
	}

	// Month ticks along the bottom axis.
	axisY := tlTop + len(ds)*tlRow + 6
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#5b6472"/>`, tlLeft, axisY, tlWidth-tlRight, axisY)
	for m := calendar.NewDate(first.Year(), first.Month(), 1); !m.After(last); m = calendar.NewDate(m.Year(), m.Month()+1, 1) {
		if m.Before(first) {
			continue
		}
		mx := x(m)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#d8dce2"/><text x="%.1f" y="%d" fill="#5b6472">%s</text>`,
			mx, tlTop-4, mx, axisY+4, mx+2, axisY+16, html.EscapeString(monthLabel(m, lang)))
	}

	// One row per deadline.
	for i, d := range ds {
		y := tlTop + i*tlRow
		mid := y + tlRow/2
		rec := d.Record(c.ID, lang)
		label := catalog.T(lang, "web.timeline.item", "item", rec.Item)
		if d.Application != "" {
			label += " · " + d.Application
		}
		colour := statusColour[d.Status]
		fmt.Fprintf(&b, `<g class="deadline status-%s"><title>%s — %s: %s%s</title>`, d.Status,
			html.EscapeString(label), html.EscapeString(rec.StatusText), html.EscapeString(rec.Text), dueText(rec, lang))
		if i%2 == 0 {
			fmt.Fprintf(&b, `<rect x="0" y="%d" width="%d" height="%d" fill="#f6f7f9"/>`, y, tlWidth, tlRow)
		}
		fmt.Fprintf(&b, `<circle cx="10" cy="%d" r="5" fill="%s"/><text x="20" y="%d">%s</text>`, mid, colour, mid+4, html.EscapeString(label))
		if d.Trigger.IsZero() {
			fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#8a929d">%s</text></g>`, tlLeft+4, mid+4, html.EscapeString(rec.StatusText))
			continue
		}
		x1, x2 := x(d.Trigger), x(d.Due)
		if x2 < x1 { // item 5 runs back from its trigger
			x1, x2 = x2, x1
		}
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="10" rx="3" fill="%s" opacity="0.85"/>`, x1, mid-5, maxf(x2-x1, 3), colour)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="2"/>`, x(d.Due), mid-8, x(d.Due), mid+8, colour)
		if !d.Done.IsZero() {
			dx := x(d.Done)
			fmt.Fprintf(&b, `<path d="M%.1f %d l5 5 l-5 5 l-5 -5 z" fill="#ffffff" stroke="%s" stroke-width="2"/>`, dx, mid-5, colour)
		}
		b.WriteString(`</g>`)
	}

	// Today.
	tx := x(today)
	fmt.Fprintf(&b, `<g class="today"><title>%s</title><line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#b3261e" stroke-width="2" stroke-dasharray="5 3"/><text x="%.1f" y="%d" fill="#b3261e" font-weight="bold">%s</text></g>`,
		t("web.timeline.today", "date", today.String()), tx, tlBandTop, tx, axisY, tx+3, axisY-4, t("web.timeline.today", "date", today.String()))

	// Legend.
	ly := axisY + tlAxis - 6
	lx := 10.0
	for _, st := range timelineStatuses {
		name := catalog.T(lang, "deadline.status."+string(st))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="12" height="12" fill="%s"/><text x="%.1f" y="%d">%s</text>`, lx, ly, statusColour[st], lx+16, ly+10, html.EscapeString(name))
		lx += 30 + float64(len([]rune(name)))*6.5
	}
	b.WriteString(`</svg>`)
	return b.String()
}

func dueText(rec deadline.Record, lang catalog.Lang) string {
	if rec.Due == "" {
		return ""
	}
	return html.EscapeString(" (" + catalog.T(lang, "web.timeline.due", "date", rec.Due) + ")")
}

func monthLabel(d calendar.Date, lang catalog.Lang) string {
	return catalog.T(lang, fmt.Sprintf("web.month.%d", int(d.Month()))) + " " + fmt.Sprint(d.Year())
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
