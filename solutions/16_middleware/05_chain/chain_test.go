package main

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// testTracer returns a middleware that records when a request enters and
// leaves it.
func testTracer(name string, trace *[]string) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			*trace = append(*trace, name+" in")
			next.ServeHTTP(w, r)
			*trace = append(*trace, name+" out")
		})
	}
}

func TestChainOrder(t *testing.T) {
	var trace []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		trace = append(trace, "handler")
	})
	Chain(h, testTracer("m1", &trace), testTracer("m2", &trace), testTracer("m3", &trace)).
		ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	want := []string{"m1 in", "m2 in", "m3 in", "handler", "m3 out", "m2 out", "m1 out"}
	if !slices.Equal(trace, want) {
		t.Errorf("Chain(h, m1, m2, m3) ran %q, want %q (m1 outermost: Chain(h, m1, m2, m3) = m1(m2(m3(h))))", trace, want)
	}
}

func TestChainOfOne(t *testing.T) {
	var trace []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		trace = append(trace, "handler")
	})
	Chain(h, testTracer("only", &trace)).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	want := []string{"only in", "handler", "only out"}
	if !slices.Equal(trace, want) {
		t.Errorf("Chain(h, m) ran %q, want %q", trace, want)
	}
}

func TestChainOfNone(t *testing.T) {
	called := false
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { called = true })
	Chain(h).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	if !called {
		t.Errorf("Chain(h) with no middleware did not call h")
	}
}
