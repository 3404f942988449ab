package main

import (
	"bufio"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testScrape is a parsed /metrics answer.
type testScrape struct {
	types   map[string]string              // metric name → type, from # TYPE lines
	samples map[string]float64             // series ("name{a="x",b="y"}", labels sorted) → value
	labels  map[string][]map[string]string // sample name → the label sets seen
	text    string
}

// testParseSample splits `name{a="x",b="y"} 3` into its parts.
func testParseSample(line string) (name string, labels map[string]string, value float64, err error) {
	labels = map[string]string{}
	i := strings.IndexAny(line, "{ \t")
	if i < 0 {
		return "", nil, 0, fmt.Errorf("no value")
	}
	name, rest := line[:i], line[i:]
	if strings.HasPrefix(rest, "{") {
		rest = rest[1:]
		for {
			rest = strings.TrimLeft(rest, ", ")
			if strings.HasPrefix(rest, "}") {
				rest = rest[1:]
				break
			}
			k, after, ok := strings.Cut(rest, "=")
			if !ok || !strings.HasPrefix(after, `"`) {
				return "", nil, 0, fmt.Errorf("labels must look like name=\"value\"")
			}
			// The value runs to the first " that is not escaped.
			var v strings.Builder
			j := 1
			for ; j < len(after) && after[j] != '"'; j++ {
				if after[j] == '\\' && j+1 < len(after) {
					j++
					if after[j] == 'n' {
						v.WriteByte('\n')
						continue
					}
				}
				v.WriteByte(after[j])
			}
			if j >= len(after) {
				return "", nil, 0, fmt.Errorf("a label value is not closed with \"")
			}
			labels[strings.TrimSpace(k)] = v.String()
			rest = after[j+1:]
		}
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", nil, 0, fmt.Errorf("no value")
	}
	// ParseFloat also reads "+Inf", "-Inf" and "NaN".
	value, err = strconv.ParseFloat(fields[0], 64)
	if err != nil {
		return "", nil, 0, fmt.Errorf("the value %q is not a number", fields[0])
	}
	return name, labels, value, nil
}

// testKey writes a series the way the tests name it, labels sorted; le is
// normalised as a number, so that "1" and "1.0" are the same bucket.
func testKey(name string, labels map[string]string) string {
	if len(labels) == 0 {
		return name
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(labels)) {
		v := labels[k]
		if k == "le" && v != "+Inf" {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				v = strconv.FormatFloat(f, 'g', -1, 64)
			}
		}
		parts = append(parts, fmt.Sprintf("%s=%q", k, v))
	}
	return name + "{" + strings.Join(parts, ",") + "}"
}

func testGetMetrics(t *testing.T, h http.Handler) testScrape {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /metrics: status %d, want 200", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("GET /metrics: Content-Type %q, want text/plain (the Prometheus text format)", ct)
	}
	s := testScrape{types: map[string]string{}, samples: map[string]float64{}, labels: map[string][]map[string]string{}, text: rec.Body.String()}
	sc := bufio.NewScanner(strings.NewReader(s.text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			if f := strings.Fields(line); len(f) >= 4 && f[1] == "TYPE" {
				s.types[f[2]] = f[3]
			}
			continue
		}
		name, labels, value, err := testParseSample(line)
		if err != nil {
			t.Fatalf("GET /metrics, line %d %q: %v\nthe whole answer:\n%s", n, line, err, s.text)
		}
		s.samples[testKey(name, labels)] = value
		s.labels[name] = append(s.labels[name], labels)
	}
	return s
}

// value returns a series' value, failing the test when it is missing.
func (s testScrape) value(t *testing.T, series string) float64 {
	t.Helper()
	v, ok := s.samples[series]
	if !ok {
		t.Fatalf("GET /metrics has no sample %s; the answer was:\n%s", series, s.text)
	}
	return v
}

func testServer(m *Metrics) http.Handler {
	return m.Middleware(newMux(m))
}

func testSend(h http.Handler, method, path string) {
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(method, path, nil))
}

func TestRequestsAreCountedByRoute(t *testing.T) {
	m := NewMetrics()
	h := testServer(m)
	testSend(h, "GET", "/items/1")
	testSend(h, "GET", "/items/2")
	testSend(h, "GET", "/items/2")
	testSend(h, "GET", "/items/pen") // 404 from the handler
	testSend(h, "GET", "/nope")      // no route
	testSend(h, "GET", "/nope/either")
	s := testGetMetrics(t, h)
	for _, labels := range s.labels["http_requests_total"] {
		if p := labels["path"]; p == "/items/1" || p == "/nope" {
			t.Fatalf("GET /metrics has a series with path=%q: label requests by their route (r.Pattern without the method), not by their URL, or every id makes a new series; the answer was:\n%s", p, s.text)
		}
	}
	want := []struct {
		series string
		n      float64
	}{
		{`http_requests_total{method="GET",path="/items/{id}",status="200"}`, 3},
		{`http_requests_total{method="GET",path="/items/{id}",status="404"}`, 1},
		{`http_requests_total{method="GET",path="unmatched",status="404"}`, 2},
	}
	for _, w := range want {
		if got := s.value(t, w.series); got != w.n {
			t.Errorf("after GET /items/1, /items/2 twice, /items/pen, /nope and /nope/either: %s = %v, want %v", w.series, got, w.n)
		}
	}
	if got := s.types["http_requests_total"]; got != "counter" {
		t.Errorf("# TYPE http_requests_total is %q, want counter", got)
	}
}

// testRunBubble runs f in a synctest bubble: time is fake, so a request that
// sleeps 300ms takes exactly 300ms, at once.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("goroutines were still running when the test ended: %v", r)
		}
	}()
	synctest.Test(t, f)
}

func TestDurationHistogram(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		m := NewMetrics()
		mux := http.NewServeMux()
		mux.HandleFunc("GET /sleep/{ms}", func(w http.ResponseWriter, r *http.Request) {
			ms, _ := strconv.Atoi(r.PathValue("ms"))
			time.Sleep(time.Duration(ms) * time.Millisecond)
		})
		h := m.Middleware(mux)
		// Fake time: each request takes exactly its sleep.
		for _, ms := range []int{3, 5, 30, 100, 300, 3000, 20000} {
			testSend(h, "GET", fmt.Sprintf("/sleep/%d", ms))
		}
		s := testGetMetrics(t, m)
		if got := s.types["http_request_duration_seconds"]; got != "histogram" {
			t.Errorf("# TYPE http_request_duration_seconds is %q, want histogram", got)
		}
		// Cumulative: each bucket counts every duration <= its bound.
		want := []struct {
			le    string
			count float64
		}{
			{"0.005", 2}, {"0.01", 2}, {"0.025", 2}, {"0.05", 3}, {"0.1", 4}, {"0.25", 4},
			{"0.5", 5}, {"1", 5}, {"2.5", 5}, {"5", 6}, {"10", 6}, {"+Inf", 7},
		}
		for _, b := range want {
			series := fmt.Sprintf(`http_request_duration_seconds_bucket{le=%q}`, b.le)
			if got := s.value(t, series); got != b.count {
				t.Errorf("requests taking 3ms, 5ms, 30ms, 100ms, 300ms, 3s and 20s: %s = %v, want %v (buckets are cumulative, and a duration equal to a bound counts in that bucket)", series, got, b.count)
			}
		}
		if got := s.value(t, "http_request_duration_seconds_count"); got != 7 {
			t.Errorf("http_request_duration_seconds_count = %v, want 7", got)
		}
		if got := s.value(t, "http_request_duration_seconds_sum"); got < 23.437 || got > 23.439 {
			t.Errorf("http_request_duration_seconds_sum = %v, want 23.438 (the seconds of all 7 requests)", got)
		}
	})
}

func TestGoroutinesGauge(t *testing.T) {
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { <-release })
	}
	s := testGetMetrics(t, NewMetrics())
	close(release)
	wg.Wait()
	if got := s.types["go_goroutines"]; got != "gauge" {
		t.Errorf("# TYPE go_goroutines is %q, want gauge", got)
	}
	if got := s.value(t, "go_goroutines"); got < 21 {
		t.Errorf("go_goroutines = %v with at least 21 goroutines running, want runtime.NumGoroutine()", got)
	}
}

func TestConcurrentRequests(t *testing.T) {
	m := NewMetrics()
	h := testServer(m)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				testSend(h, "GET", "/items/7")
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			testSend(h, "GET", "/metrics")
		}
	})
	wg.Wait()
	s := testGetMetrics(t, h)
	if got := s.value(t, `http_requests_total{method="GET",path="/items/{id}",status="200"}`); got != 200 {
		t.Errorf("200 requests from 4 goroutines at once: counted %v", got)
	}
	if got := s.value(t, "http_request_duration_seconds_count"); got < 200 {
		t.Errorf("200 requests from 4 goroutines at once: http_request_duration_seconds_count = %v", got)
	}
}
