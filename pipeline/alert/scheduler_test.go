package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/konkurs/konkurs/catalog"
)

var almaty = mustLocation("Asia/Almaty")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// clock is the injected clock: tests move it by hand; nothing sleeps.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, almaty)
	if err != nil {
		panic(err)
	}
	return t
}

// caseFolder copies the fixture case file into a fresh folder.
func caseFolder(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/tc-watch.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tc-2026.yaml"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// receiver is a webhook endpoint on loopback that checks every signature.
type receiver struct {
	t      *testing.T
	secret []byte
	mu     sync.Mutex
	alerts []Alert
	digest []Digest
	fail   int // answer 503 to this many requests first
	srv    *httptest.Server
}

func newReceiver(t *testing.T, secret string) *receiver {
	r := &receiver{t: t, secret: []byte(secret)}
	r.srv = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	if !VerifySignature(r.secret, body, req.Header.Get(SignatureHeader)) {
		r.t.Errorf("bad signature %q", req.Header.Get(SignatureHeader))
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if r.fail > 0 {
		r.fail--
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	var p webhookBody
	if err := json.Unmarshal(body, &p); err != nil {
		r.t.Errorf("body: %v", err)
	}
	switch p.Type {
	case "alert":
		if req.Header.Get(DeliveryHeader) != p.Alert.Key {
			r.t.Errorf("delivery header %q, key %q", req.Header.Get(DeliveryHeader), p.Alert.Key)
		}
		r.alerts = append(r.alerts, *p.Alert)
	case "digest":
		r.digest = append(r.digest, *p.Digest)
	default:
		r.t.Errorf("unknown type %q", p.Type)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (r *receiver) counts() (alerts, digests int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.alerts), len(r.digest)
}

type setup struct {
	dir, state string
	clock      *clock
	recv       *receiver
	sleeps     []time.Duration
}

func newSetup(t *testing.T, now string) *setup {
	return &setup{dir: caseFolder(t), state: filepath.Join(t.TempDir(), "scheduler", "state.json"),
		clock: &clock{t: at(now)}, recv: newReceiver(t, "s3cret")}
}

func (s *setup) scheduler(t *testing.T, extra ...Sink) *Scheduler {
	t.Helper()
	hook := &WebhookSink{URL: s.recv.srv.URL, Secret: []byte("s3cret"), Client: s.recv.srv.Client(),
		Attempts: 3, Backoff: 2 * time.Second,
		Sleep: func(_ context.Context, d time.Duration) error { s.sleeps = append(s.sleeps, d); return nil }}
	sc, err := New(Options{
		Source: FolderSource{Dir: s.dir}, Sinks: append([]Sink{hook}, extra...),
		Location: almaty, CheckSpec: "0 * * * *", DigestSpec: "0 9 * * *",
		StatePath: s.state, Lang: catalog.RU, Now: s.clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestEachAlertOnceAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	s := newSetup(t, "2026-03-27 10:00") // item 15 due 1 April: within 3 working days
	sc := s.scheduler(t)
	rep, err := sc.RunCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Competitions != 1 || rep.Alerts != 1 || rep.Delivered != 1 {
		t.Fatalf("first check: %+v", rep)
	}
	a := s.recv.alerts[0]
	if a.Level != LevelDueSoon || a.Record.Item != "15" || a.Record.Due != "2026-04-01" {
		t.Errorf("alert %+v", a)
	}
	// The next hour's check, then a restart with the same state directory.
	s.clock.Set(at("2026-03-27 11:00"))
	if _, err := sc.RunCheck(ctx); err != nil {
		t.Fatal(err)
	}
	restarted := s.scheduler(t)
	if _, err := restarted.RunCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.recv.counts(); n != 1 {
		t.Fatalf("%d alerts after a check and a restart, want 1", n)
	}
	// Once overdue, the same deadline raises its second level, once.
	s.clock.Set(at("2026-04-02 10:00"))
	for range 2 {
		if _, err := restarted.RunCheck(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := s.recv.counts(); n != 2 || s.recv.alerts[1].Level != LevelOverdue {
		t.Fatalf("after overdue: %d alerts %+v", n, s.recv.alerts)
	}
}

func TestWebhookRetriesWithBackoff(t *testing.T) {
	s := newSetup(t, "2026-03-27 10:00")
	s.recv.fail = 2
	if _, err := s.scheduler(t).RunCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.recv.counts(); n != 1 {
		t.Fatalf("%d alerts, want 1 after two refusals", n)
	}
	if len(s.sleeps) != 2 || s.sleeps[0] != 2*time.Second || s.sleeps[1] != 4*time.Second {
		t.Errorf("backoff %v, want [2s 4s]", s.sleeps)
	}
}

func TestFailedDeliveryIsRetriedNextCheck(t *testing.T) {
	ctx := context.Background()
	s := newSetup(t, "2026-03-27 10:00")
	s.recv.fail = 3 // every attempt of the first check
	sc := s.scheduler(t)
	rep, err := sc.RunCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 1 || rep.Delivered != 0 {
		t.Fatalf("first check: %+v", rep)
	}
	s.clock.Set(at("2026-03-27 11:00"))
	if rep, err = sc.RunCheck(ctx); err != nil || rep.Delivered != 1 {
		t.Fatalf("second check: %+v %v", rep, err)
	}
	if n, _ := s.recv.counts(); n != 1 {
		t.Fatalf("%d alerts, want 1", n)
	}
}

func TestMissedDigestIsCaughtUpOnce(t *testing.T) {
	ctx := context.Background()
	s := newSetup(t, "2026-03-26 08:00")
	first := s.scheduler(t)
	if _, err := first.RunCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if _, d := s.recv.counts(); d != 0 {
		t.Fatalf("a first start owes no digest, got %d", d)
	}
	// konkurs was down from 26 March 08:00 until 27 March 11:00: the
	// digests of 26 and 27 March 09:00 were missed; one is caught up.
	s.clock.Set(at("2026-03-27 11:00"))
	sc := s.scheduler(t)
	rep, err := sc.RunCheck(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Digest {
		t.Fatal("the missed digest was not caught up")
	}
	_, d := s.recv.counts()
	if d != 1 || s.recv.digest[0].Date != "2026-03-27" || len(s.recv.digest[0].Deadlines) != 1 {
		t.Fatalf("digests %+v", s.recv.digest)
	}
	// Another restart the same day, and the 09:00 job itself, send no more.
	s.clock.Set(at("2026-03-27 12:00"))
	if _, err := s.scheduler(t).RunCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if err := sc.RunDigest(ctx); err != nil {
		t.Fatal(err)
	}
	if _, d := s.recv.counts(); d != 1 {
		t.Fatalf("%d digests, want 1", d)
	}
	// The next day's 09:00 job sends the next one.
	s.clock.Set(at("2026-03-28 09:00"))
	if err := sc.RunDigest(ctx); err != nil {
		t.Fatal(err)
	}
	if _, d := s.recv.counts(); d != 2 || s.recv.digest[1].Date != "2026-03-28" {
		t.Fatalf("digests %+v", s.recv.digest)
	}
}

// Start catches up at once (no waiting for the first hour) and registers
// both jobs; cancelling the context stops them.
func TestStartCatchesUpAndStops(t *testing.T) {
	s := newSetup(t, "2026-03-27 10:00")
	sc := s.scheduler(t)
	ctx, cancel := context.WithCancel(context.Background())
	if err := sc.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.recv.counts(); n != 1 {
		t.Errorf("%d alerts at start, want 1", n)
	}
	if got := len(sc.cron.Entries()); got != 2 {
		t.Errorf("%d cron entries, want check and digest", got)
	}
	cancel()
	sc.Stop()
}

func TestSchedulesInAlmatyTime(t *testing.T) {
	s := newSetup(t, "2026-03-27 10:20")
	check, digest := s.scheduler(t).Next()
	if !check.Equal(at("2026-03-27 11:00")) {
		t.Errorf("next check %s", check)
	}
	if !digest.Equal(at("2026-03-28 09:00")) || digest.UTC().Hour() != 4 {
		t.Errorf("next digest %s (%s UTC), want 09:00 Almaty = 04:00 UTC", digest, digest.UTC())
	}
}

func TestDamagedStateIsRefused(t *testing.T) {
	s := newSetup(t, "2026-03-27 10:00")
	if err := os.MkdirAll(filepath.Dir(s.state), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.state, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := New(Options{Source: FolderSource{Dir: s.dir}, CheckSpec: "@hourly", DigestSpec: "0 9 * * *", StatePath: s.state})
	var se *StateError
	if !errors.As(err, &se) || se.File != s.state {
		t.Fatalf("got %v, want a StateError naming the file", err)
	}
}

func TestBadSpecNamesTheField(t *testing.T) {
	_, err := New(Options{CheckSpec: "0 * * * *", DigestSpec: "at nine", StatePath: filepath.Join(t.TempDir(), "s.json")})
	var se *SpecError
	if !errors.As(err, &se) || se.Field != "digest" {
		t.Fatalf("got %v", err)
	}
}

func TestUnreadableCaseFileIsReportedInTheDigest(t *testing.T) {
	s := newSetup(t, "2026-03-26 08:00")
	if err := os.WriteFile(filepath.Join(s.dir, "broken.yaml"), []byte("competition: {id: x}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sc := s.scheduler(t)
	s.clock.Set(at("2026-03-27 09:00"))
	rep, err := sc.RunCheck(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Competitions != 1 || len(rep.Problems) != 1 {
		t.Fatalf("%+v", rep)
	}
	if _, d := s.recv.counts(); d != 1 || len(s.recv.digest[0].Problems) != 1 {
		t.Fatalf("digest %+v", s.recv.digest)
	}
}

// BenchmarkCheck100CaseFiles is one hourly check over a folder of 100 case
// files (read, validate, evaluate; alerts already delivered).
func BenchmarkCheck100CaseFiles(b *testing.B) {
	data, err := os.ReadFile("testdata/tc-watch.yaml")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for i := range 100 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%03d.yaml", i)), data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	c := &clock{t: at("2026-03-27 10:00")}
	sc, err := New(Options{Source: FolderSource{Dir: dir}, Sinks: []Sink{LogSink{Logger: slog.New(slog.DiscardHandler)}},
		Location: almaty, CheckSpec: "0 * * * *", DigestSpec: "0 9 * * *",
		StatePath: filepath.Join(b.TempDir(), "state.json"), Lang: catalog.KK, Now: c.Now})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := sc.RunCheck(ctx); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := sc.RunCheck(ctx); err != nil {
			b.Fatal(err)
		}
	}
}
