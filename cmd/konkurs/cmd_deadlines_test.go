package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDeadlinesJSONContract(t *testing.T) {
	r := runCLI(t, t.TempDir(), "deadlines", "--input", examplePath(t, "competition.yaml"), "--at", "2026-03-25", "--format", "json", "--lang", "ru")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var recs []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &recs); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
	}
	items := map[string]map[string]any{}
	for _, rec := range recs {
		for _, k := range []string{"item", "trigger", "due", "period", "unit", "status", "party"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("record %v lacks %q", rec["item"], k)
			}
		}
		items[rec["item"].(string)] = rec
	}
	for _, item := range []string{"5", "6", "15", "17", "20", "23", "25", "26", "28.1", "28.1b", "28.2", "31", "37", "39", "40", "42"} {
		if items[item] == nil {
			t.Errorf("item %s missing", item)
		}
	}
	if got := items["15"]; got["due"] != "2026-04-01" || got["unit"] != "working_days" || got["status"] != "open" {
		t.Errorf("item 15: %v", got)
	}
	if got := items["42"]; got["due"] != "" || got["status"] != "not_triggered" {
		t.Errorf("item 42: %v", got)
	}
}

func TestDeadlinesTableInKazakh(t *testing.T) {
	r := runCLI(t, t.TempDir(), "deadlines", "--input", examplePath(t, "competition.yaml"), "--at", "2026-03-25", "--lang", "kk")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Тармақ", "2026-04-01", "конкурсты ұйымдастырушы", "заңгерлік тексеру"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestDeadlinesRefuseImpossibleDates(t *testing.T) {
	data, err := os.ReadFile(examplePath(t, "competition.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// A Commission meeting dated before the application deadline it follows.
	bad := strings.Replace(string(data), "events:\n", "events:\n  - kind: stage1_meeting\n    date: 2026-03-10\n", 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "deadlines", "--input", path, "--lang", "ru", "--at", "2026-03-25")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2; stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{"заседание Комиссии по первому этапу", "2026-03-10", "истек срок приема заявок первого этапа", "2026-03-20"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, r.stderr)
		}
	}
	r = runCLI(t, dir, "deadlines", "--input", examplePath(t, "competition.yaml"), "--at", "25.03.2026", "--lang", "kk")
	if r.code != 2 || !strings.Contains(r.stderr, "--at") {
		t.Errorf("bad --at: exit %d, %s", r.code, r.stderr)
	}
}

// Every bad line of the configured calendar file is named at once.
func TestDeadlinesReportEveryBadCalendarLine(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "days.csv"), []byte("date,kind,status\n2026-13-01,day_off\n2026-05-05,holliday\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "konkurs.yaml"), []byte("calendar:\n  file: days.csv\n"), 0o644)
	r := runCLI(t, dir, "deadlines", "--input", examplePath(t, "competition.yaml"), "--lang", "ru")
	if r.code != 2 || !strings.Contains(r.stderr, "days.csv:2") || !strings.Contains(r.stderr, "days.csv:3") {
		t.Fatalf("exit %d, want 2 naming lines 2 and 3: %s", r.code, r.stderr)
	}
}
