package metrics

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

type testObservation struct {
	route  string
	status int
}

func TestObserveCountsRequestsAndFailures(t *testing.T) {
	tests := []struct {
		name         string
		observed     []testObservation
		route        string
		wantRequests int
		wantFailures int
	}{
		{"one successful request", []testObservation{{"GET /users", 200}}, "GET /users", 1, 0},
		{"a 500 is a failure", []testObservation{{"GET /users", 500}}, "GET /users", 1, 1},
		{"a 503 is a failure", []testObservation{{"POST /orders", 503}}, "POST /orders", 1, 1},
		{"a 404 is not a failure", []testObservation{{"GET /users", 404}}, "GET /users", 1, 0},
		{"routes are counted apart", []testObservation{
			{"GET /users", 200}, {"GET /users", 500}, {"POST /orders", 201}, {"GET /users", 200},
		}, "GET /users", 3, 1},
		{"a route never seen", []testObservation{{"GET /users", 200}}, "GET /health", 0, 0},
		{"nothing observed yet", nil, "GET /users", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewRegistry()
			for _, o := range tt.observed {
				r.Observe(o.route, o.status)
			}
			if got := r.Requests(tt.route); got != tt.wantRequests {
				t.Errorf("after Observe of %v: Requests(%q) = %d, want %d", tt.observed, tt.route, got, tt.wantRequests)
			}
			if got := r.Failures(tt.route); got != tt.wantFailures {
				t.Errorf("after Observe of %v: Failures(%q) = %d, want %d", tt.observed, tt.route, got, tt.wantFailures)
			}
		})
	}
}

func TestRegistriesAreIndependent(t *testing.T) {
	a, b := NewRegistry(), NewRegistry()
	a.Observe("GET /users", 500)
	if got := b.Requests("GET /users"); got != 0 {
		t.Errorf("Observe on one registry changed another: Requests = %d, want 0", got)
	}
	if got := b.Failures("GET /users"); got != 0 {
		t.Errorf("Observe on one registry changed another: Failures = %d, want 0", got)
	}
}

func TestConcurrentObserveOnAFreshRegistry(t *testing.T) {
	r := NewRegistry()
	const workers, each = 8, 50
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				status := 200
				if (w+i)%5 == 0 {
					status = 500
				}
				r.Observe("GET /users", status)
			}
		})
	}
	wg.Wait()
	if got, want := r.Requests("GET /users"), workers*each; got != want {
		t.Errorf("%d goroutines each observed %d requests: Requests = %d, want %d", workers, each, got, want)
	}
	if got, want := r.Failures("GET /users"), workers*each/5; got != want {
		t.Errorf("%d goroutines each observed %d requests, one in five a 500: Failures = %d, want %d", workers, each, got, want)
	}
}

func TestMiddlewareCountsEveryRequest(t *testing.T) {
	r := NewRegistry()
	ok := r.Middleware("GET /users", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("[]"))
	}))
	broken := r.Middleware("GET /orders", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		http.Error(w, "database down", http.StatusInternalServerError)
	}))
	for range 3 {
		ok.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/users", nil))
	}
	broken.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/orders", nil))
	checks := []struct {
		what string
		got  int
		want int
	}{
		{`Requests("GET /users")`, r.Requests("GET /users"), 3},
		{`Failures("GET /users")`, r.Failures("GET /users"), 0},
		{`Requests("GET /orders")`, r.Requests("GET /orders"), 1},
		{`Failures("GET /orders")`, r.Failures("GET /orders"), 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("after 3 requests to GET /users (200) and 1 to GET /orders (500): %s = %d, want %d", c.what, c.got, c.want)
		}
	}
}
