package web

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkRenderAnnex1PDF20Clients drives POST /api/render/annex1 over
// real loopback TCP with 20 concurrent clients, each with its own API
// token's session through the whole stack (auth, rate limiter off, decode,
// validation, layout, PDF). It reports documents per second and the
// latency percentiles seen by the clients. Target: ≥150 PDFs/s, p99 < 200 ms.
func BenchmarkRenderAnnex1PDF20Clients(b *testing.B) {
	const clients = 20
	e := newBenchEnv(b)
	example := exampleJSONB(b, "annex1.yaml")
	url := e.http.URL + "/api/render/annex1?lang=kk&format=pdf"
	transport := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: transport}
	defer transport.CloseIdleConnections()
	token := e.users["applicant"].token

	var next atomic.Int64
	latencies := make([]time.Duration, b.N)
	var failures atomic.Int64
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(b.N) {
					return
				}
				// Every request differs, so nothing on the way can answer
				// from a cache of an earlier identical one.
				body := strings.Replace(example, "Ахметов Ерлан Сәкенұлы", fmt.Sprintf("Ахметов Ерлан Сәкенұлы %d", i), 1)
				req, _ := http.NewRequest("POST", url, strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+token)
				req.Header.Set("Content-Type", "application/json")
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					failures.Add(1)
					continue
				}
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				latencies[i] = time.Since(t0)
				if resp.StatusCode != 200 || n < 1000 {
					failures.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if f := failures.Load(); f > 0 {
		b.Fatalf("%d of %d requests failed", f, b.N)
	}
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	pct := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "pdfs/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
}
