package chain

import (
	"slices"
	"strings"
	"testing"
)

// testTagMiddleware returns a Middleware that records "name>" on the way in
// and "<name" on the way out, and marks the response with its name.
func testTagMiddleware(name string, trace *[]string) Middleware {
	return func(next Handler) Handler {
		return func(req string) string {
			*trace = append(*trace, name+">")
			resp := next(req + "+" + name)
			*trace = append(*trace, "<"+name)
			return name + "(" + resp + ")"
		}
	}
}

// testEchoHandler returns a Handler that records "handler" and echoes req.
func testEchoHandler(trace *[]string) Handler {
	return func(req string) string {
		*trace = append(*trace, "handler")
		return req
	}
}

// testChainSafely calls Chain and the handler it returns, turning a panic
// into a failure that says where it happened.
func testChainSafely(t *testing.T, desc string, h Handler, ms []Middleware, req string) string {
	t.Helper()
	var chained Handler
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("Chain(%s) panicked: %v", desc, r)
			}
		}()
		chained = Chain(h, ms...)
	}()
	if chained == nil {
		t.Fatalf("Chain(%s) returned a nil Handler", desc)
	}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("the handler returned by Chain(%s) panicked when called: %v", desc, r)
		}
	}()
	return chained(req)
}

func TestChainOrder(t *testing.T) {
	cases := []struct {
		name      string
		mws       []string
		wantResp  string
		wantTrace []string
	}{
		{"no middleware", nil, "req", []string{"handler"}},
		{"one", []string{"a"}, "a(req+a)", []string{"a>", "handler", "<a"}},
		{"two", []string{"a", "b"}, "a(b(req+a+b))", []string{"a>", "b>", "handler", "<b", "<a"}},
		{"three", []string{"log", "auth", "gzip"}, "log(auth(gzip(req+log+auth+gzip)))",
			[]string{"log>", "auth>", "gzip>", "handler", "<gzip", "<auth", "<log"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var trace []string
			var ms []Middleware
			for _, n := range c.mws {
				ms = append(ms, testTagMiddleware(n, &trace))
			}
			desc := "h, " + strings.Join(c.mws, ", ")
			got := testChainSafely(t, desc, testEchoHandler(&trace), ms, "req")
			if got != c.wantResp {
				t.Errorf("Chain(%s)(%q) = %q, want %q", desc, "req", got, c.wantResp)
			}
			if !slices.Equal(trace, c.wantTrace) {
				t.Errorf("Chain(%s)(%q) ran\n  %q\nwant (first middleware outermost)\n  %q", desc, "req", trace, c.wantTrace)
			}
		})
	}
}

func TestChainSkipsNil(t *testing.T) {
	var trace []string
	ms := []Middleware{nil, testTagMiddleware("a", &trace), nil, testTagMiddleware("b", &trace), nil}
	got := testChainSafely(t, "h, nil, a, nil, b, nil", testEchoHandler(&trace), ms, "req")
	if want := "a(b(req+a+b))"; got != want {
		t.Errorf("Chain(h, nil, a, nil, b, nil)(%q) = %q, want %q", "req", got, want)
	}
	t.Run("only nil", func(t *testing.T) {
		var trace []string
		got := testChainSafely(t, "h, nil", testEchoHandler(&trace), []Middleware{nil}, "req")
		if got != "req" {
			t.Errorf("Chain(h, nil)(%q) = %q, want %q", "req", got, "req")
		}
	})
}

func TestChainWithTrimSpace(t *testing.T) {
	upper := func(next Handler) Handler {
		return func(req string) string { return strings.ToUpper(next(req)) }
	}
	got := testChainSafely(t, "echo, upper, TrimSpace", func(req string) string { return "[" + req + "]" },
		[]Middleware{upper, TrimSpace}, "  hi  ")
	if want := "[HI]"; got != want {
		t.Errorf("Chain(echo, upper, TrimSpace)(%q) = %q, want %q", "  hi  ", got, want)
	}
}

func TestChainIsReusable(t *testing.T) {
	var trace []string
	h := Chain(testEchoHandler(&trace), testTagMiddleware("a", &trace))
	if h == nil {
		t.Fatal("Chain returned a nil Handler")
	}
	first, second := h("x"), h("y")
	if first != "a(x+a)" || second != "a(y+a)" {
		t.Errorf(`calling the chained handler twice with "x" then "y" = %q, %q; want "a(x+a)", "a(y+a)"`, first, second)
	}
}

func TestChainLeavesListAlone(t *testing.T) {
	var trace []string
	names := []string{"a", "b", "c"}
	ms := make([]Middleware, len(names))
	for i, n := range names {
		ms[i] = testTagMiddleware(n, &trace)
	}
	testChainSafely(t, "h, a, b, c", testEchoHandler(&trace), ms, "req")
	// Find out which middleware each element of ms is now by calling it.
	var now []string
	for _, m := range ms {
		trace = nil
		m(testEchoHandler(&trace))("req")
		now = append(now, strings.TrimSuffix(trace[0], ">"))
	}
	if !slices.Equal(now, names) {
		t.Errorf("after Chain(h, ms...) with ms = [a b c], the caller's ms is %v; want it unchanged (Chain shares the caller's slice: do not reorder it)", now)
	}
}
