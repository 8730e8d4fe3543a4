package web

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// metrics are counters and one latency histogram in the Prometheus text
// exposition format, kept by hand: a handful of series needs no library.
type metrics struct {
	mu       sync.Mutex
	counters map[string]map[string]float64 // name → label set → value
	help     map[string]string
	latency  histogram
	started  time.Time
}

var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts []uint64 // per bucket, cumulative at output
	sum    float64
	count  uint64
}

func newMetrics(now time.Time) *metrics {
	return &metrics{
		counters: map[string]map[string]float64{},
		help: map[string]string{
			"konkurs_http_requests_total":           "HTTP requests by route and status code.",
			"konkurs_documents_rendered_total":      "Documents rendered by kind and format.",
			"konkurs_login_failures_total":          "Failed password logins.",
			"konkurs_rate_limited_total":            "Requests refused by the rate limit.",
			"konkurs_applications_registered_total": "Applications registered through the web.",
		},
		latency: histogram{counts: make([]uint64, len(latencyBuckets))},
		started: now,
	}
}

// labels formats label pairs as {a="x",b="y"}.
func labels(kv ...string) string {
	if len(kv) == 0 {
		return ""
	}
	parts := make([]string, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		v := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(kv[i+1])
		parts = append(parts, fmt.Sprintf("%s=%q", kv[i], v))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func (m *metrics) inc(name string, kv ...string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	series, ok := m.counters[name]
	if !ok {
		series = map[string]float64{}
		m.counters[name] = series
	}
	series[labels(kv...)]++
}

func (m *metrics) observe(d time.Duration) {
	s := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, b := range latencyBuckets {
		if s <= b {
			m.latency.counts[i]++
			break
		}
	}
	m.latency.sum += s
	m.latency.count++
}

func (m *metrics) write(w io.Writer, now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.counters))
	for n := range m.counters {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n", n, m.help[n], n)
		keys := make([]string, 0, len(m.counters[n]))
		for k := range m.counters[n] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "%s%s %g\n", n, k, m.counters[n][k])
		}
	}
	const h = "konkurs_http_request_duration_seconds"
	fmt.Fprintf(w, "# HELP %s Time to answer HTTP requests.\n# TYPE %s histogram\n", h, h)
	var cum uint64
	for i, b := range latencyBuckets {
		cum += m.latency.counts[i]
		fmt.Fprintf(w, "%s_bucket{le=\"%g\"} %d\n", h, b, cum)
	}
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %g\n%s_count %d\n", h, m.latency.count, h, m.latency.sum, h, m.latency.count)
	fmt.Fprintf(w, "# HELP konkurs_uptime_seconds Seconds since the server started.\n# TYPE konkurs_uptime_seconds gauge\nkonkurs_uptime_seconds %g\n",
		now.Sub(m.started).Seconds())
}

func (srv *Server) handleMetrics(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	srv.metrics.write(w, srv.opts.Now())
}
