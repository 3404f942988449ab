package requestid

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
)

var testValidID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// testServe sends one request through RequestID to a handler that records the
// ID it finds in its context and writes a body (so the headers are sent).
// header is the X-Request-ID sent with the status; final the one in the
// headers when the handler returned (it differs when set too late).
func testServe(t *testing.T, incoming string, set bool) (seen, header, final string) {
	t.Helper()
	h := RequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = FromContext(r.Context())
		fmt.Fprintln(w, "hello")
	}))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	if set {
		req.Header.Set("X-Request-ID", incoming)
	}
	h.ServeHTTP(rec, req)
	return seen, rec.Result().Header.Get("X-Request-ID"), rec.Header().Get("X-Request-ID")
}

func TestIncomingIDIsKept(t *testing.T) {
	for _, id := range []string{"abc-123", "7f9c2ba4.e88f_827d", "A", "7", "-", "._-", strings.Repeat("x", 64)} {
		t.Run(id, func(t *testing.T) {
			seen, header, final := testServe(t, id, true)
			if seen != id {
				t.Errorf("request with X-Request-ID %q: the handler's FromContext gave %q, want %q", id, seen, id)
			}
			if header != id {
				if final == id {
					t.Errorf("request with X-Request-ID %q: the response was sent with X-Request-ID %q; %q was set after the handler had written (set it before calling next)", id, header, id)
				} else {
					t.Errorf("request with X-Request-ID %q: the response's X-Request-ID is %q, want %q", id, header, id)
				}
			}
		})
	}
}

func TestMissingIDIsGenerated(t *testing.T) {
	seen, header, _ := testServe(t, "", false)
	if !testValidID.MatchString(seen) {
		t.Fatalf("request without X-Request-ID: the handler's FromContext gave %q, want a generated ID of 1 to 64 letters, digits, '-', '_' or '.'", seen)
	}
	if header != seen {
		t.Errorf("request without X-Request-ID: response header %q, but the handler saw %q: they must be the same ID", header, seen)
	}
}

func TestInvalidIDIsReplaced(t *testing.T) {
	for _, id := range []string{
		"",
		"has spaces",
		"line\nbreak",
		`{"level":"ERROR"}`,
		strings.Repeat("x", 65),
		"ünïcode",
		"semi;colon",
		"slash/in/it",
		"plus+and=",
		"colon:x",
		"tab\there",
		"nul\x00",
	} {
		t.Run(fmt.Sprintf("%q", id), func(t *testing.T) {
			seen, header, _ := testServe(t, id, true)
			if seen == id || !testValidID.MatchString(seen) {
				t.Errorf("request with X-Request-ID %q: the handler saw %q, want a freshly generated valid ID (never copy an invalid one into logs)", id, seen)
			}
			if header != seen {
				t.Errorf("request with X-Request-ID %q: response header %q, but the handler saw %q", id, header, seen)
			}
		})
	}
}

func TestGeneratedIDsAreUnique(t *testing.T) {
	// One middleware, as in a server, and many requests through it.
	h := RequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, FromContext(r.Context()))
	}))
	const n = 200
	ids := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			ids[i] = rec.Body.String()
		})
	}
	wg.Wait()
	seen := map[string]int{}
	for i, id := range ids {
		if j, dup := seen[id]; dup {
			t.Fatalf("requests %d and %d (of %d without X-Request-ID, through the same middleware) both got the ID %q: generate a new random ID for every request", j, i, n, id)
		}
		seen[id] = i
	}
}

// TestGeneratedIDsAreRandom sends requests one after the other: random IDs
// of 16 characters or more share, by chance, few characters in the same
// places; counters and timestamps share most of them.
func TestGeneratedIDsAreRandom(t *testing.T) {
	h := RequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, FromContext(r.Context()))
	}))
	const n = 100
	ids := make([]string, n)
	for i := range n {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		ids[i] = rec.Body.String()
		if len(ids[i]) < 16 || !testValidID.MatchString(ids[i]) {
			t.Fatalf("request %d without X-Request-ID got the ID %q (%d characters), want a random ID of 16 to 64 letters, digits, '-', '_' or '.'", i+1, ids[i], len(ids[i]))
		}
	}
	same, compared := 0, 0
	for i := 1; i < n; i++ {
		a, b := ids[i-1], ids[i]
		for j := range min(len(a), len(b)) {
			compared++
			if a[j] == b[j] {
				same++
			}
		}
	}
	if same*2 > compared {
		t.Errorf("%d requests in a row without X-Request-ID got the IDs %q, %q, %q, …: one ID and the next have %d%% of their characters alike, in the same places; want random IDs, which share few", n, ids[0], ids[1], ids[2], same*100/compared)
	}
}

func TestFromContextWithoutID(t *testing.T) {
	if got := FromContext(context.Background()); got != "" {
		t.Errorf("FromContext(context.Background()) = %q, want \"\"", got)
	}
}

func TestContextKeyIsPrivate(t *testing.T) {
	// Plain string keys collide: any package could set "request_id" and
	// FromContext would return it. A key of an unexported type cannot be
	// named, and so cannot be set, outside this package.
	names := []string{"request_id", "requestID", "requestId", "request-id", "RequestID", "X-Request-ID", "x-request-id", "reqID", "rid", "id"}
	for _, name := range names {
		ctx := context.WithValue(context.Background(), name, "forged")
		if got := FromContext(ctx); got != "" {
			t.Errorf("FromContext of a context where another package stored %q under the string key %q = %q, want \"\": use a key of an unexported type (type ctxKey struct{})", "forged", name, got)
		}
	}
	h := RequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, name := range names {
			if v := r.Context().Value(name); v != nil {
				t.Errorf("inside the handler, ctx.Value(%q) = %v: the ID is stored under a plain string key; use a key of an unexported type", name, v)
			}
		}
	}))
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-Request-ID", "abc")
	h.ServeHTTP(httptest.NewRecorder(), req)
}
