package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/konkurs/konkurs/catalog"
	"github.com/konkurs/konkurs/competition"
)

// writeEdited copies an example with one edit into dir and returns its path.
func writeEdited(t *testing.T, dir, example string, edit func(string) string) string {
	t.Helper()
	data, err := os.ReadFile(examplePath(t, example))
	if err != nil {
		t.Fatal(err)
	}
	edited := edit(string(data))
	if edited == string(data) && edit != nil {
		t.Fatal("edit changed nothing: the example no longer has the replaced text")
	}
	p := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCaseCheckShowsTheComputedOutcome(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, dir, "case", "check", "--input", examplePath(t, "competition.yaml"), "--lang", "ru")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"A-01 (62), A-02 (59), A-05 (52)", "не допущены – A-03 (44)", "возвращены – A-04", "Победители (пункт 38): A-06, A-08", "stage2-minutes: готов"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runCLI(t, dir, "case", "check", "--input", examplePath(t, "failed-competition.yaml"), "--lang", "kk")
	if r.code != 0 || !strings.Contains(r.stdout, "Конкурс өтпеді (41-тармақ)") {
		t.Fatalf("failed competition: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
}

// A registered application missing from a completeness protocol that was
// already drawn up (items 15, 31) is a contradiction case check reports.
func TestCaseCheckFindsAnApplicationLeftOutOfAHeldProtocol(t *testing.T) {
	dir := t.TempDir()
	p := writeEdited(t, dir, "competition.yaml", func(s string) string {
		return strings.Replace(s, "events:\n", "  - id: A-09\n    stage: 2\n    participant: almaty-food-association\n"+
			"    cluster: almaty-food\n    registration:\n      number: \"02-12/0499\"\n      date: 2026-09-29\nevents:\n", 1)
	})
	r := runCLI(t, dir, "case", "check", "--input", p, "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "A-09") || !strings.Contains(r.stderr, "31") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

// Broken case files: every render of a procedure document and the check
// exit 2 with the problem named, and nothing is written.
func TestBrokenCaseFilesAreRefusedAndNothingIsWritten(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		edit     func(string) string
		stderr   []string
	}{
		{"participant referenced but not defined",
			func(s string) string {
				return strings.Replace(s, "participant: shymkent-spk", "participant: nobody", 1)
			},
			[]string{"applications[1].participant", "nobody"}},
		{"duplicate registration numbers",
			func(s string) string { return strings.Replace(s, `number: "01-12/0152"`, `number: "01-12/0147"`, 1) },
			[]string{"applications[1].registration.number", "01-12/0147"}},
		{"score for an unknown criterion",
			func(s string) string {
				return strings.Replace(s, `points: {"1.1": 5, "1.2": 4`, `points: {"5.1": 5, "1.2": 4`, 1)
			},
			[]string{"procedure.scores[0].points.5.1", "5.1"}},
		{"minutes dated before the review",
			func(s string) string {
				return strings.Replace(s, "number: \"3\"\n      date: 2026-05-22", "number: \"3\"\n      date: 2026-05-10", 1)
			},
			[]string{"procedure.meetings[2].date", "пункт 24", "2026-05-10"}},
	} {
		t.Run(tc.scenario, func(t *testing.T) {
			dir := t.TempDir()
			p := writeEdited(t, dir, "competition.yaml", tc.edit)
			for _, args := range [][]string{
				{"render", "stage1-minutes", "--input", p, "--out", "o", "--lang", "ru"},
				{"render", "receipt", "--input", p, "--application", "A-01", "--out", "o", "--lang", "ru"},
				{"case", "check", "--input", p, "--lang", "ru"},
			} {
				r := runCLI(t, dir, args...)
				if r.code != 2 {
					t.Errorf("%v: exit %d, want 2; stderr %s", args, r.code, r.stderr)
				}
				for _, w := range tc.stderr {
					if !strings.Contains(r.stderr, w) {
						t.Errorf("%v: stderr lacks %q:\n%s", args, w, r.stderr)
					}
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
				t.Errorf("output directory written for a broken case file: %v", err)
			}
		})
	}
}

func TestRenderRefusesDocumentsTheProcedureHasNotReached(t *testing.T) {
	dir := t.TempDir()
	r := runCLI(t, dir, "render", "failed-notice", "--input", examplePath(t, "competition.yaml"), "--out", "o", "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "пункт 41") {
		t.Errorf("failed-notice of a competition that did not fail: exit %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, dir, "render", "stage1-review", "--input", examplePath(t, "failed-competition.yaml"), "--out", "o", "--lang", "kk")
	if r.code != 2 || !strings.Contains(r.stderr, "41-тармағы") {
		t.Errorf("stage1-review of a failed competition: exit %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, dir, "render", "return-notice", "--input", examplePath(t, "competition.yaml"), "--application", "A-01", "--out", "o")
	if r.code != 2 {
		t.Errorf("return-notice of an application not returned: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
		t.Errorf("output written for refused documents: %v", err)
	}
}

const unregistered = `  - id: A-09
    stage: 2
    participant: almaty-food-association
    cluster: almaty-food
events:
`

func TestCaseRegisterAddsTheRegistrationAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	p := writeEdited(t, dir, "competition.yaml", func(s string) string { return strings.Replace(s, "events:\n", unregistered, 1) })
	before, _ := os.ReadFile(p)

	// Item 13: after the stage-2 deadline (2026-09-30) it is refused.
	r := runCLI(t, dir, "case", "register", "--input", p, "--application", "A-09", "--number", "02-12/0431",
		"--date", "2026-10-01", "--time", "09:00", "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "пункт 13") {
		t.Fatalf("late registration: exit %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, dir, "case", "register", "--input", p, "--application", "A-09", "--number", "02-12/0411", "--date", "2026-09-30")
	if r.code != 2 {
		t.Fatalf("duplicate number: exit %d: %s", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(p); string(after) != string(before) {
		t.Fatal("a refused registration changed the case file")
	}

	r = runCLI(t, dir, "case", "register", "--input", p, "--application", "A-09", "--number", "02-12/0431",
		"--date", "2026-09-30", "--time", "17:55", "--received-by", "Жұмабаева Айгүл Нұрланқызы", "--handed-in", "original,copy")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(p)
	added := "    registration:\n      number: \"02-12/0431\"\n      date: 2026-09-30\n      time: \"17:55\"\n" +
		"      received_by: Жұмабаева Айгүл Нұрланқызы\n      paper_original: true\n      paper_copy: true\n"
	if want := strings.Replace(string(before), unregistered, strings.TrimSuffix(unregistered, "events:\n")+added+"events:\n", 1); string(after) != want {
		t.Errorf("the case file changed beyond the registration:\n%s", after)
	}
	cf, err := competition.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if reg := cf.Application("A-09").Registration; reg == nil || reg.Electronic || !reg.PaperCopy {
		t.Errorf("registration %+v", reg)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	r = runCLI(t, dir, "case", "register", "--input", p, "--application", "A-09", "--number", "02-12/0432", "--date", "2026-09-30")
	if r.code != 2 {
		t.Errorf("registering twice: exit %d", r.code)
	}
}

// A case file saved on Windows (byte-order mark, CRLF) keeps both: only
// the registration is added, in CRLF too, and no comment gains a blank line.
func TestCaseRegisterKeepsWindowsLineEndingsAndBOM(t *testing.T) {
	dir := t.TempDir()
	p := writeEdited(t, dir, "competition.yaml", func(s string) string { return strings.Replace(s, "events:\n", unregistered, 1) })
	lf, _ := os.ReadFile(p)
	windows := "\uFEFF" + strings.ReplaceAll(string(lf), "\n", "\r\n")
	if err := os.WriteFile(p, []byte(windows), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "case", "register", "--input", p, "--application", "A-09", "--number", "02-12/0431",
		"--date", "2026-09-30", "--time", "17:55", "--received-by", "Жұмабаева Айгүл Нұрланқызы", "--handed-in", "original,copy")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	after, _ := os.ReadFile(p)
	added := "    registration:\n      number: \"02-12/0431\"\n      date: 2026-09-30\n      time: \"17:55\"\n" +
		"      received_by: Жұмабаева Айгүл Нұрланқызы\n      paper_original: true\n      paper_copy: true\n"
	wantLF := strings.Replace(string(lf), unregistered, strings.TrimSuffix(unregistered, "events:\n")+added+"events:\n", 1)
	if want := "\uFEFF" + strings.ReplaceAll(wantLF, "\n", "\r\n"); string(after) != want {
		t.Errorf("the Windows case file changed beyond the registration:\n%q", after[:min(len(after), 400)])
	}
}

func TestCaseRegisterJSON(t *testing.T) {
	dir := t.TempDir()
	cf, err := competition.Load(writeEdited(t, dir, "competition.yaml", func(s string) string { return strings.Replace(s, "events:\n", unregistered, 1) }))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := json.MarshalIndent(cf, "", "  ")
	p := filepath.Join(dir, "case.json")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "case", "register", "--input", p, "--application", "A-09", "--number", "02-12/0431", "--date", "2026-09-29")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got, err := competition.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if reg := got.Application("A-09").Registration; reg == nil || reg.Number != "02-12/0431" || !reg.Electronic {
		t.Errorf("registration %+v", reg)
	}
}

// Item 5: an announcement fewer than 60 calendar days before the deadline is
// refused, and so is a receipt for a registration after the deadline (item 13).
func TestAnnouncementAndReceiptRefusedOutsideTheirLimits(t *testing.T) {
	dir := t.TempDir()
	p := writeEdited(t, dir, "competition.yaml", func(s string) string {
		s = strings.Replace(s, "announcement_date: 2026-01-12", "announcement_date: 2026-02-02", 1)
		return strings.Replace(s, "date: 2026-03-20\n      time: \"16:45\"", "date: 2026-03-23\n      time: \"16:45\"", 1)
	})
	r := runCLI(t, dir, "render", "announcement", "--input", p, "--out", "o", "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "пункт 5") || !strings.Contains(r.stderr, "46") {
		t.Errorf("announcement 46 days ahead: exit %d: %s", r.code, r.stderr)
	}
	r = runCLI(t, dir, "render", "receipt", "--input", p, "--application", "A-04", "--out", "o", "--lang", "kk")
	if r.code != 2 || !strings.Contains(r.stderr, "13-тармағы") {
		t.Errorf("receipt after the deadline: exit %d: %s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "o")); !os.IsNotExist(err) {
		t.Errorf("output written: %v", err)
	}
}

// Every mistake in the register flags is named at once, in the user's
// language, not one English sentence at a time.
func TestRegistrationFlagsReportEveryProblemInTheUsersLanguage(t *testing.T) {
	opts := caseRegisterOptions{Input: "case.yaml", Number: " ", Date: "25.03.2026", Time: "25:00", HandedIn: []string{"paper"}}
	_, err := registrationFromFlags(opts, time.Date(2026, 3, 19, 10, 0, 0, 0, time.UTC))
	ve, ok := err.(*competition.ValidationError)
	if !ok {
		t.Fatalf("got %v, want a ValidationError", err)
	}
	got := strings.Join(ve.Lines(catalog.RU), "\n")
	for _, want := range []string{
		"case.yaml: --number: обязательное поле не заполнено",
		`case.yaml: --date: неверное значение ("25.03.2026" → YYYY-MM-DD)`,
		"case.yaml: --time: время записывается в виде ЧЧ:ММ",
		"case.yaml: --handed-in: значение должно быть одним из: original, copy, electronic",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}

// A registration typed without --date at 20:30 UTC on 19 March is dated
// 20 March: it is already the next day in Astana.
func TestRegistrationDefaultsToTheConfiguredZonesClock(t *testing.T) {
	saved := globals.Config.Scheduler.TimeZone
	defer func() { globals.Config.Scheduler.TimeZone = saved }()
	globals.Config.Scheduler.TimeZone = "Asia/Almaty"
	now := registrationClock(time.Date(2026, 3, 19, 20, 30, 0, 0, time.UTC))
	reg, err := registrationFromFlags(caseRegisterOptions{Number: "01-12/0200"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if reg.Date.String() != "2026-03-20" || reg.Time != "01:30" {
		t.Fatalf("registered %s %s, want 2026-03-20 01:30", reg.Date, reg.Time)
	}
}
