package runmetrics

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// testFamily is what a scrape says about one metric name.
type testFamily struct {
	help, types []string
	values      []float64
	typeAfter   bool // a TYPE line came after a sample
}

func testParse(t *testing.T, body string) map[string]*testFamily {
	t.Helper()
	fams := map[string]*testFamily{}
	get := func(name string) *testFamily {
		if fams[name] == nil {
			fams[name] = &testFamily{}
		}
		return fams[name]
	}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
		case strings.HasPrefix(line, "# HELP "):
			name, text, _ := strings.Cut(strings.TrimPrefix(line, "# HELP "), " ")
			f := get(name)
			f.help = append(f.help, text)
		case strings.HasPrefix(line, "# TYPE "):
			name, kind, _ := strings.Cut(strings.TrimPrefix(line, "# TYPE "), " ")
			f := get(name)
			f.types = append(f.types, strings.TrimSpace(kind))
			f.typeAfter = f.typeAfter || len(f.values) > 0
		case strings.HasPrefix(line, "#"):
		default:
			fields := strings.Fields(line)
			if len(fields) < 2 {
				t.Fatalf("metrics line %q: want \"name value\"", line)
			}
			v, err := strconv.ParseFloat(fields[1], 64)
			if err != nil {
				t.Fatalf("metrics line %q: value %q is not a number", line, fields[1])
			}
			f := get(fields[0])
			f.values = append(f.values, v)
		}
	}
	return fams
}

// testValue scrapes h once and returns the single value of name.
func testValue(t *testing.T, h http.Handler, name string) float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	f := testParse(t, rec.Body.String())[name]
	if f == nil || len(f.values) != 1 {
		t.Fatalf("GET /metrics: want one sample of %s; body: %s", name, testShow(rec.Body.String()))
	}
	return f.values[0]
}

func TestFormat(t *testing.T) {
	runtime.GC() // so that go_gc_cycles_total is positive
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if ct := rec.Result().Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("GET /metrics: Content-Type %q, want %q", ct, ContentType)
	}
	body := rec.Body.String()
	fams := testParse(t, body)
	for _, tc := range []struct{ name, kind string }{
		{"go_goroutines", "gauge"},
		{"go_heap_objects_bytes", "gauge"},
		{"go_gc_cycles_total", "counter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := fams[tc.name]
			if f == nil {
				t.Fatalf("GET /metrics has no metric %s; body: %s", tc.name, testShow(body))
			}
			if len(f.help) != 1 {
				t.Errorf("GET /metrics has %d \"# HELP %s ...\" lines, want 1; body: %s", len(f.help), tc.name, testShow(body))
			}
			switch {
			case len(f.types) != 1:
				t.Errorf("GET /metrics has %d \"# TYPE %s ...\" lines, want 1: \"# TYPE %s %s\"; body: %s", len(f.types), tc.name, tc.name, tc.kind, testShow(body))
			case f.types[0] != tc.kind:
				t.Errorf("GET /metrics: \"# TYPE %s %s\", want \"# TYPE %s %s\"", tc.name, f.types[0], tc.name, tc.kind)
			case f.typeAfter:
				t.Errorf("GET /metrics: the TYPE line of %s comes after its sample; it must come before", tc.name)
			}
			if len(f.values) != 1 {
				t.Errorf("GET /metrics has %d samples of %s, want 1", len(f.values), tc.name)
			} else if f.values[0] <= 0 {
				t.Errorf("GET /metrics: %s %v, want a positive number (a running program has goroutines and heap objects; the test ran a GC)", tc.name, f.values[0])
			}
		})
	}
}

func TestGoroutinesReadPerScrape(t *testing.T) {
	h := Handler() // one handler, scraped twice, as in a server
	before := testValue(t, h, "go_goroutines")
	const n = 200
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { <-stop })
	}
	during := testValue(t, h, "go_goroutines")
	close(stop)
	wg.Wait()
	if during < before+n/2 {
		t.Errorf("go_goroutines was %v, then %v after starting %d more goroutines: read the samples at every scrape, not once", before, during, n)
	}
	if real := float64(runtime.NumGoroutine()); during > 10*(real+n) {
		t.Errorf("go_goroutines = %v with about %v goroutines alive: read /sched/goroutines:goroutines", during, real+n)
	}
}

var testSink []byte

func TestHeapReadPerScrape(t *testing.T) {
	h := Handler() // one handler, scraped twice, as in a server
	before := testValue(t, h, "go_heap_objects_bytes")
	const size = 64 << 20
	testSink = make([]byte, size)
	after := testValue(t, h, "go_heap_objects_bytes")
	testSink = nil
	if after < before+size/2 {
		t.Errorf("go_heap_objects_bytes was %v, then %v after allocating %d bytes: read the samples at every scrape, not once", before, after, size)
	}
}

func TestGCCyclesReadPerScrape(t *testing.T) {
	h := Handler() // one handler, scraped twice, as in a server
	before := testValue(t, h, "go_gc_cycles_total")
	for range 3 {
		runtime.GC()
	}
	after := testValue(t, h, "go_gc_cycles_total")
	if after < before+3 {
		t.Errorf("go_gc_cycles_total was %v, then %v after 3 runtime.GC() calls: read the samples at every scrape, not once", before, after)
	}
}

// testShow formats a response body for a message.
func testShow(body string) string {
	if strings.TrimSpace(body) == "" {
		return "(empty)"
	}
	return "\n" + body
}
