package templates_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	gotime "time"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
	"github.com/konkurs/konkurs/pipeline/document"
	"github.com/konkurs/konkurs/pipeline/docx"
	"github.com/konkurs/konkurs/pipeline/pdf"
	"github.com/konkurs/konkurs/pipeline/render"
	"github.com/konkurs/konkurs/templates"
)

// largeCompetition grows the example into a competition of 40 applications:
// 32 at stage 1 (two returned), 8 at stage 2 (six admitted concepts and two
// cluster associations that skipped stage 1), three winners.
func largeCompetition(tb testing.TB) *competition.CaseFile {
	tb.Helper()
	cf, err := competition.Load(filepath.Join("..", "examples", "competition.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	base := cf.Participants[0]
	cl := cf.Clusters[0]
	p := cf.Proc()
	cf.Participants, cf.Clusters, cf.Applications = nil, nil, nil
	events := cf.Events[:0]
	for _, e := range cf.Events {
		if e.Application == "" {
			events = append(events, e)
		}
	}
	cf.Events = events
	p.Checks, p.Returns, p.Conclusions, p.Scores, p.Stage2Reviews, p.Winners = nil, nil, nil, nil, nil, nil
	date := func(m, d int) competition.Date { return competition.NewDate(2026, gotime.Month(m), d) }
	bin := 0
	nextBIN := func() string {
		for ; ; bin++ {
			s := fmt.Sprintf("1503400%04d", bin)
			for c := 0; c < 10; c++ {
				if competition.ValidBIN(s + fmt.Sprint(c)) {
					bin++
					return s + fmt.Sprint(c)
				}
			}
		}
	}
	addApp := func(i, stage int, skipped bool, number string, reg competition.Date) *competition.Application {
		pid, cid := fmt.Sprintf("p-%02d", i), fmt.Sprintf("c-%02d", i)
		if cf.Participant(pid) == nil {
			part := base
			part.ID, part.BIN = pid, nextBIN()
			part.Name = competition.Text{KK: fmt.Sprintf("«Қатысушы %02d» бизнес-қауымдастығы", i), RU: fmt.Sprintf("Бизнес-ассоциация «Участник %02d»", i)}
			cf.Participants = append(cf.Participants, part)
			c := cl
			c.ID = cid
			c.Name = competition.Text{KK: fmt.Sprintf("№ %02d аумақтық кластер", i), RU: fmt.Sprintf("Территориальный кластер № %02d", i)}
			cf.Clusters = append(cf.Clusters, c)
		}
		cf.Applications = append(cf.Applications, competition.Application{
			ID: fmt.Sprintf("S%d-%02d", stage, i), Stage: stage, Participant: pid, Cluster: cid, SkippedStage1: skipped,
			Registration: &competition.Registration{Number: number, Date: reg, Time: "10:00", ReceivedBy: "Жұмабаева Айгүл Нұрланқызы",
				PaperOriginal: true, PaperCopy: true, Electronic: true},
		})
		return &cf.Applications[len(cf.Applications)-1]
	}
	complies := competition.FindingComplies
	for i := 1; i <= 32; i++ {
		a := addApp(i, 1, false, fmt.Sprintf("01-12/%04d", i), date(3, 1+i%19))
		parts := []string{competition.PartApplication, competition.PartConcept, competition.PartLEBConclusion}
		if i%16 == 0 {
			parts = parts[:2]
			p.Returns = append(p.Returns, competition.Return{Application: a.ID, Number: fmt.Sprintf("01-12/9%03d", i), Date: date(3, 27),
				Reasons: []competition.Text{{KK: "Жергілікті атқарушы органның қорытындысы жоқ.", RU: "Отсутствует заключение местного исполнительного органа."}}})
		} else {
			p.Conclusions = append(p.Conclusions,
				competition.Conclusion{Application: a.ID, Body: competition.BodyAuthorized, Number: fmt.Sprintf("17-02/%d", i), Date: date(4, 8), Finding: complies},
				competition.Conclusion{Application: a.ID, Body: competition.BodyRegional, Number: fmt.Sprintf("05-11/%d", i), Date: date(4, 9), Finding: complies})
			points := map[string]int{}
			for j, id := range competition.CriterionIDs() {
				points[id] = 1 + (i*7+j*3)%5
			}
			p.Scores = append(p.Scores, competition.Score{Application: a.ID, Date: date(5, 8), Points: points})
		}
		p.Checks = append(p.Checks, competition.CompletenessCheck{Application: a.ID, HandedIn: parts})
	}
	ranking := cf.Ranking()
	min := ranking[5].Total
	p.MinScore = &min
	admitted, _, _ := cf.Admitted()
	n := 0
	for _, r := range admitted {
		if n == 6 {
			break
		}
		var i int
		fmt.Sscanf(r.Application.ID, "S1-%d", &i)
		a := addApp(i, 2, false, fmt.Sprintf("02-12/%04d", i), date(9, 10+n))
		n++
		p.Checks = append(p.Checks, competition.CompletenessCheck{Application: a.ID, HandedIn: []string{competition.PartApplication,
			competition.PartStrategy, competition.PartRoadmap, competition.PartAuthorizedConclusion}})
	}
	for i := 33; len(cf.Applications) < 40; i++ {
		a := addApp(i, 2, true, fmt.Sprintf("02-12/%04d", i), date(9, 25))
		p.Checks = append(p.Checks, competition.CompletenessCheck{Application: a.ID, HandedIn: []string{competition.PartApplication,
			competition.PartStrategy, competition.PartRoadmap, competition.PartAuthorizedConclusion, competition.PartLEBConclusion}})
		p.Conclusions = append(p.Conclusions, competition.Conclusion{Application: a.ID, Body: competition.BodyRegional, Number: fmt.Sprintf("05-11/%d", i), Date: date(10, 20), Finding: complies})
	}
	for _, a := range cf.Registered(2) {
		p.Conclusions = append(p.Conclusions, competition.Conclusion{Application: a.ID, Body: competition.BodyAuthorizedStrategy, Number: "17-02/5" + a.ID[3:], Date: date(9, 8), Finding: complies})
		p.Stage2Reviews = append(p.Stage2Reviews, competition.Stage2Review{Application: a.ID, Date: date(10, 23), Finding: complies})
		if len(p.Winners) < 3 {
			p.Winners = append(p.Winners, competition.Winner{Application: a.ID, Support: []competition.Initiative{
				{Name: competition.Text{KK: "Инжинирингтік орталық", RU: "Инжиниринговый центр"}, Amount: 150_000_000},
				{Name: competition.Text{KK: "Кадрлар даярлау", RU: "Подготовка кадров"}, Amount: 45_250_000},
			}})
		}
	}
	if err := cf.Validate(); err != nil {
		tb.Fatalf("the generated competition is invalid: %v", err)
	}
	if len(cf.Applications) != 40 {
		tb.Fatalf("%d applications", len(cf.Applications))
	}
	return cf
}

// procedureJobs: every procedure document of the competition — the
// competition-wide ones, a receipt per application and a return notice per
// returned application — in both languages and both formats.
func procedureJobs(tb testing.TB, cf *competition.CaseFile) []render.Job {
	writers := []document.Writer{pdf.Writer{}, docx.Writer{}}
	var jobs []render.Job
	for _, name := range competition.ProcedureDocuments {
		k, err := templates.Lookup(name)
		if err != nil {
			tb.Fatal(err)
		}
		var apps []string
		switch name {
		case competition.DocReceipt:
			for _, a := range cf.Applications {
				apps = append(apps, a.ID)
			}
		case competition.DocReturnNotice:
			for _, r := range cf.Proc().Returns {
				apps = append(apps, r.Application)
			}
		case competition.DocFailedNotice:
			continue // the competition did not fail
		default:
			apps = []string{""}
		}
		for _, app := range apps {
			in, err := k.FromCaseFile(cf, app)
			if err != nil {
				tb.Fatalf("%s %s: %v", name, app, err)
			}
			for _, j := range render.Jobs(k, in, catalog.DocumentLangs, writers, false) {
				j.Name = fmt.Sprintf("%s.%s.%s.%s", name, app, j.Lang, j.Writer.Format())
				jobs = append(jobs, j)
			}
		}
	}
	return jobs
}

func TestLargeCompetitionRenders(t *testing.T) {
	cf := largeCompetition(t)
	jobs := procedureJobs(t, cf)
	outs, err := render.Run(context.Background(), jobs, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != len(jobs) || len(jobs) != (8+40+2)*4 {
		t.Fatalf("%d outputs of %d jobs", len(outs), len(jobs))
	}
}

// Issue 4's target: all procedure documents of a 40-application competition,
// both languages and formats, in ≤ 2 s.
func BenchmarkProcedureDocuments40Applications(b *testing.B) {
	cf := largeCompetition(b)
	b.ReportAllocs()
	for b.Loop() {
		// Deriving the inputs (with their readiness checks) is part of the work.
		if _, err := render.Run(context.Background(), procedureJobs(b, cf), 0); err != nil {
			b.Fatal(err)
		}
	}
}
