package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/konkurs/konkurs/pipeline/alert"
)

// The real binary, run twice as one check each, posts the due-soon alert to
// a webhook on loopback once, signed with the secret from the environment.
func TestSchedulerOnceSendsSignedWebhookOnce(t *testing.T) {
	const secret = "cli-secret"
	t.Setenv("KONKURS_WEBHOOK_SECRET", secret)
	var mu sync.Mutex
	var keys []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !alert.VerifySignature([]byte(secret), body, r.Header.Get(alert.SignatureHeader)) {
			t.Errorf("bad signature")
		}
		var p struct {
			Type  string `json:"type"`
			Alert struct {
				Key string `json:"key"`
			} `json:"alert"`
		}
		json.Unmarshal(body, &p)
		mu.Lock()
		if p.Type == "alert" {
			keys = append(keys, p.Alert.Key)
		}
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()

	dir := t.TempDir()
	cases := filepath.Join(dir, "cases")
	if err := os.MkdirAll(cases, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "pipeline", "alert", "testdata", "tc-watch.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cases, "tc.yaml"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := "data_dir: " + filepath.Join(dir, "data") + "\nscheduler:\n  case_files: " + cases +
		"\n  log: {enabled: false}\n  webhook:\n    url: " + srv.URL + "\n"
	if err := os.WriteFile(filepath.Join(dir, "konkurs.yaml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, now := range []string{"2026-03-27T10:00:00+05:00", "2026-03-27T11:00:00+05:00"} {
		r := runCLI(t, dir, "scheduler", "--once", "--now", now)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(keys) != 1 || !strings.HasPrefix(keys[0], "tc-2026|15|") {
		t.Fatalf("alerts %v, want item 15 once", keys)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "scheduler", "state.json")); err != nil {
		t.Errorf("state file: %v", err)
	}
}

func TestSchedulerRefusesMissingSecret(t *testing.T) {
	t.Setenv("KONKURS_WEBHOOK_SECRET", "")
	dir := t.TempDir()
	cfg := "scheduler:\n  case_files: " + dir + "\n  webhook:\n    url: http://127.0.0.1:1/\n"
	if err := os.WriteFile(filepath.Join(dir, "konkurs.yaml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, dir, "scheduler", "--once")
	if r.code != 2 || !strings.Contains(r.stderr, "KONKURS_WEBHOOK_SECRET") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
}
