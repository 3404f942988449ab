package counter

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
)

func testServe(h http.Handler) string {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	return rec.Body.String()
}

func TestCounterNumbersRequests(t *testing.T) {
	c := new(Counter)
	for i := 1; i <= 3; i++ {
		want := fmt.Sprintf("request %d\n", i)
		if got := testServe(c); got != want {
			if got == "request 1\n" {
				t.Fatalf("request number %d to the same Counter answered %q, want %q: the count did not grow (does ServeHTTP change a copy of the Counter? a value receiver gets a copy on every call)", i, got, want)
			}
			t.Fatalf("request number %d to the same Counter answered %q, want %q", i, got, want)
		}
	}
}

func TestCountersAreIndependent(t *testing.T) {
	a, b := new(Counter), new(Counter)
	testServe(a)
	testServe(a)
	if got := testServe(b); got != "request 1\n" {
		if got == "request 3\n" {
			t.Errorf("after two requests to Counter a, the first request to Counter b answered %q, want %q: the two Counters share one count (each Counter keeps its own: no package-level variable)", got, "request 1\n")
		} else {
			t.Errorf("after two requests to Counter a, the first request to Counter b answered %q, want %q", got, "request 1\n")
		}
	}
}

func TestCounterThroughAServer(t *testing.T) {
	// A real server, as in production: the Counter is registered once and
	// every request goes through the same value.
	mux := http.NewServeMux()
	mux.Handle("GET /count", new(Counter))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for i := 1; i <= 2; i++ {
		resp, err := srv.Client().Get(srv.URL + "/count")
		if err != nil {
			t.Fatalf("GET /count: %v", err)
		}
		var got string
		fmt.Fscanln(resp.Body, new(string), &got)
		resp.Body.Close()
		if got != fmt.Sprint(i) {
			t.Fatalf("GET /count number %d answered number %q, want %d", i, got, i)
		}
	}
}

func TestCounterConcurrentRequests(t *testing.T) {
	const requests = 200
	c := new(Counter)
	answers := make([]string, requests)
	var wg sync.WaitGroup
	for i := range requests {
		wg.Go(func() { answers[i] = testServe(c) })
	}
	wg.Wait()
	want := make([]string, requests)
	for i := range requests {
		want[i] = fmt.Sprintf("request %d\n", i+1)
	}
	got := slices.Clone(answers)
	slices.SortFunc(got, func(a, b string) int {
		var x, y int
		fmt.Sscanf(a, "request %d", &x)
		fmt.Sscanf(b, "request %d", &y)
		return x - y
	})
	for i := range want {
		if got[i] != want[i] {
			seen := map[string]int{}
			for _, a := range answers {
				seen[a]++
			}
			for a, n := range seen {
				if n > 1 {
					t.Fatalf("%d concurrent requests: %d of them answered %q; every request needs its own number (increment and read in one step: a mutex around both, or atomic.Int64.Add)", requests, n, a)
				}
			}
			t.Fatalf("%d concurrent requests: the numbers were not exactly 1 to %d (sorted, answer %d is %q, want %q)", requests, requests, i+1, got[i], want[i])
		}
	}
}
