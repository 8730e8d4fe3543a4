package templates

import (
	"fmt"
	"strings"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
)

// Annex 6 of the Rules: the roadmap of territorial cluster development
// (item 7.3): the table with the annex's columns, activities grouped under
// its six headings, and the eight attributes of every activity.
func init() {
	register(&Kind{
		Name:     "annex6",
		Order:    60,
		NewInput: func() any { return &competition.Roadmap{} },
		Build:    buildRoadmap,
	})
}

// roadmapLayout is the table's geometry for a number of year columns: the
// widths in mm of activity, form, executor, each year, sources and deadlines,
// and the font size. Widths are the least that keep "Ответственный
// исполнитель" and "123 456,7" unbroken.
type roadmapLayout struct {
	activity, form, executor, year, sources, deadlines float64
	size                                               float64
	landscape                                          bool
}

func roadmapGeometry(years int) roadmapLayout {
	portrait := document.PageWidthMM - document.MarginLeftMM - document.MarginRightMM
	landscape := document.PageHeightMM - document.MarginLeftMM - document.MarginRightMM
	g := roadmapLayout{activity: 40, form: 26, executor: 30, year: 20, sources: 32, deadlines: 24, size: 10}
	if years > 5 {
		g = roadmapLayout{activity: 40, form: 24, executor: 27, year: 18, sources: 30, deadlines: 21, size: 9}
	}
	fixed := g.activity + g.form + g.executor + g.sources + g.deadlines
	g.landscape = fixed+g.year*float64(years) > portrait
	width := portrait
	if g.landscape {
		width = landscape
	}
	if years > 0 {
		// Spare width goes to the year columns, up to 30 mm each.
		g.year = max(g.year, min(30, (width-fixed)/float64(years)))
	}
	return g
}

func buildRoadmap(input any, lang catalog.Lang, _ BuildOptions) (*document.Document, error) {
	r, ok := input.(*competition.Roadmap)
	if !ok {
		return nil, fmt.Errorf("annex6: input is %T, want *competition.Roadmap", input)
	}
	years := r.Years()
	doc := &document.Document{Kind: "annex6", Lang: string(lang), Title: catalog.T(lang, "annex6.title"), Landscape: roadmapGeometry(len(years)).landscape}
	doc.Blocks = applicantTitle(lang, "6", "annex6.title", r.Cluster, r.Applicant, "annex6.caption.applicant")
	doc.Blocks = append(doc.Blocks,
		document.Paragraph{Runs: []document.Run{{Text: catalog.T(lang, "annex6.unit_note"), Italic: true}}, Align: document.AlignRight},
		roadmapTable(lang, r, years),
		document.Spacer{HeightPt: 12},
		document.Paragraph{Runs: []document.Run{{Text: catalog.T(lang, "annex6.summary.title"), Bold: true}}, KeepWithNext: true},
		roadmapSummary(lang, r, years),
	)
	if doc.Landscape {
		doc.Blocks = append(doc.Blocks, document.PageBreak{Landscape: false})
	} else {
		doc.Blocks = append(doc.Blocks, document.Spacer{HeightPt: 12})
	}
	doc.Blocks = append(doc.Blocks, activityAttributes(lang, r)...)
	return doc, nil
}

// groupedActivities numbers activities within the six groups: "1.1.", "1.2.", "2.1." …
type numberedActivity struct {
	Number string
	*competition.Activity
}

func groupedActivities(r *competition.Roadmap) [][]numberedActivity {
	groups := make([][]numberedActivity, len(competition.ActivityGroups))
	for gi, g := range competition.ActivityGroups {
		for i := range r.Activities {
			if a := &r.Activities[i]; a.Group == g {
				groups[gi] = append(groups[gi], numberedActivity{fmt.Sprintf("%d.%d.", gi+1, len(groups[gi])+1), a})
			}
		}
	}
	return groups
}

func roadmapTable(lang catalog.Lang, r *competition.Roadmap, years []int) document.Table {
	l := string(lang)
	t := func(key string, kv ...string) string { return catalog.T(lang, "annex6."+key, kv...) }
	n := len(years)
	g := roadmapGeometry(n)
	widths := []float64{g.activity, g.form, g.executor}
	for range years {
		widths = append(widths, g.year)
	}
	widths = append(widths, g.sources, g.deadlines)
	cols := len(widths)
	head := func(text string, rowSpan, colSpan int) document.Cell {
		return document.Cell{Text: text, Bold: true, Align: document.AlignCenter, RowSpan: rowSpan, ColSpan: colSpan}
	}
	top := document.Row{Cells: []document.Cell{head(t("col.activity"), 2, 0), head(t("col.completion"), 2, 0), head(t("col.executor"), 2, 0)}}
	if n > 0 {
		top.Cells = append(top.Cells, head(t("col.funding"), 0, n))
	}
	top.Cells = append(top.Cells, head(t("col.sources"), 2, 0), head(t("col.deadlines"), 2, 0))
	sub := document.Row{}
	for _, y := range years {
		sub.Cells = append(sub.Cells, head(t("year_column", "year", fmt.Sprint(y)), 0, 0))
	}
	tab := document.Table{Widths: widths, HeaderRows: 2, Size: g.size, Rows: []document.Row{top, sub}}
	for gi, group := range groupedActivities(r) {
		tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{{
			Text: fmt.Sprintf("%d. %s", gi+1, t("group."+string(competition.ActivityGroups[gi]))), Bold: true, ColSpan: cols,
		}}})
		if len(group) == 0 {
			tab.Rows = append(tab.Rows, document.Row{Cells: []document.Cell{{Text: t("group.none"), ColSpan: cols, Align: document.AlignCenter}}})
		}
		for _, a := range group {
			row := document.Row{Cells: []document.Cell{
				{Text: a.Number + " " + a.Name.In(l)}, {Text: a.CompletionForm.In(l)}, {Text: a.Executor.In(l)},
			}}
			byYear := a.ByYear()
			for _, y := range years {
				row.Cells = append(row.Cells, amountCell(byYear[y]))
			}
			row.Cells = append(row.Cells, document.Cell{Text: sourceLines(lang, a.BySource())},
				document.Cell{Text: activityPeriod(a.Activity), Align: document.AlignCenter})
			tab.Rows = append(tab.Rows, row)
		}
	}
	totals := r.Totals()
	total := document.Row{Cells: []document.Cell{{Text: t("total"), Bold: true, ColSpan: 3}}}
	for _, y := range years {
		total.Cells = append(total.Cells, document.Cell{Text: amount(totals.ByYear[y]), Bold: true, Align: document.AlignRight})
	}
	total.Cells = append(total.Cells, document.Cell{Text: sourceLines(lang, totals.BySource), Bold: true}, document.Cell{})
	tab.Rows = append(tab.Rows, total)
	return tab
}

// roadmapSummary is the computed totals by source (rows) and year (columns).
func roadmapSummary(lang catalog.Lang, r *competition.Roadmap, years []int) document.Table {
	totals := r.Totals()
	g := roadmapGeometry(len(years))
	widths := []float64{g.activity + g.form}
	header := document.Row{Cells: []document.Cell{headerCell(catalog.T(lang, "annex6.summary.source"))}}
	for _, y := range years {
		widths = append(widths, g.year)
		header.Cells = append(header.Cells, headerCell(catalog.T(lang, "annex6.year_column", "year", fmt.Sprint(y))))
	}
	widths = append(widths, g.year+4)
	header.Cells = append(header.Cells, headerCell(catalog.T(lang, "annex6.summary.total")))
	tab := document.Table{Widths: widths, HeaderRows: 1, Size: g.size, Rows: []document.Row{header}}
	for _, src := range competition.FundingSourceList {
		row := document.Row{Cells: []document.Cell{{Text: catalog.T(lang, "finance.source."+string(src))}}}
		for _, y := range years {
			row.Cells = append(row.Cells, amountCell(totals.Cell[y][src]))
		}
		row.Cells = append(row.Cells, amountCell(totals.BySource[src]))
		tab.Rows = append(tab.Rows, row)
	}
	row := document.Row{Cells: []document.Cell{{Text: catalog.T(lang, "annex6.summary.total"), Bold: true}}}
	for _, y := range years {
		row.Cells = append(row.Cells, document.Cell{Text: amount(totals.ByYear[y]), Bold: true, Align: document.AlignRight})
	}
	row.Cells = append(row.Cells, document.Cell{Text: amount(totals.Total), Bold: true, Align: document.AlignRight})
	tab.Rows = append(tab.Rows, row)
	return tab
}

// sourceLines lists the non-zero sources with their amounts, one per line.
func sourceLines(lang catalog.Lang, by map[competition.FundingSource]competition.Amount) string {
	var lines []string
	for _, src := range competition.FundingSourceList {
		if a, ok := by[src]; ok {
			lines = append(lines, catalog.T(lang, "annex6.source_amount", "source", catalog.T(lang, "finance.source."+string(src)), "amount", amount(a)))
		}
	}
	return strings.Join(lines, "\n")
}

func activityPeriod(a *competition.Activity) string {
	if a.Start.IsZero() || a.End.IsZero() {
		return ""
	}
	return a.Start.Format("02.01.2006") + " – " + a.End.Format("02.01.2006")
}

// activityAttributes is the section after the table: the eight attributes
// every activity must have (Annex 6, "Әрбір іс-шара үшін мыналар айқындалуға тиіс").
func activityAttributes(lang catalog.Lang, r *competition.Roadmap) []document.Block {
	l := string(lang)
	t := func(key string, kv ...string) string { return catalog.T(lang, "annex6."+key, kv...) }
	blocks := []document.Block{document.Heading{Text: t("attributes.title"), Level: 2}}
	for _, group := range groupedActivities(r) {
		for _, a := range group {
			executors := a.Executor.In(l)
			if a.Executors != nil {
				executors = a.Executors.In(l)
			}
			var byYear []string
			years := a.ByYear()
			for _, y := range r.Years() {
				if v, ok := years[y]; ok {
					byYear = append(byYear, t("year_amount", "year", fmt.Sprint(y), "amount", amount(v)))
				}
			}
			attr := func(n int, key, value string) document.Row {
				return document.Row{Cells: []document.Cell{
					{Text: fmt.Sprintf("%d.", n), Align: document.AlignCenter}, {Text: t("attr." + key)}, {Text: value},
				}}
			}
			blocks = append(blocks,
				document.Paragraph{Runs: []document.Run{{Text: a.Number + " " + a.Name.In(l), Bold: true}}, KeepWithNext: true, SpaceBeforePt: 8, SpaceAfterPt: 3},
				document.Table{Widths: []float64{7, 38, 55}, Size: 11, Rows: []document.Row{
					attr(1, "concept", a.Concept.In(l)),
					attr(2, "results", t("attr.interim", "text", a.InterimResults.In(l))+"\n"+t("attr.final", "text", a.FinalResults.In(l))),
					attr(3, "executors", executors),
					attr(4, "funding", strings.Join(byYear, "\n")),
					attr(5, "sources", sourceLines(lang, a.BySource())),
					attr(6, "period", activityPeriod(a.Activity)),
					attr(7, "target", a.TargetGroup.In(l)),
					attr(8, "evaluation", a.Evaluation.In(l)),
				}},
			)
		}
	}
	return blocks
}
