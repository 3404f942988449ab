package csrf

import (
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
)

// testServe sends method to http://example.com/account with headers and
// reports the status and whether the protected handler ran.
func testServe(t *testing.T, trusted []string, method string, headers map[string]string) (int, bool) {
	t.Helper()
	called := false
	h, err := Protect(trusted, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		called = true
		w.Write([]byte("changed"))
	}))
	if err != nil {
		t.Fatalf("Protect(%q, h) returned error %v", trusted, err)
	}
	req := httptest.NewRequest(method, "http://example.com/account", strings.NewReader("email=eve@evil.example"))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, called
}

func testDescribe(method string, headers map[string]string) string {
	var parts []string
	for k, v := range headers {
		parts = append(parts, k+": "+v)
	}
	sort.Strings(parts)
	if len(parts) == 0 {
		return method + " with neither Sec-Fetch-Site nor Origin"
	}
	return method + " with " + strings.Join(parts, ", ")
}

var testCrossOrigin = []map[string]string{
	{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
	{"Sec-Fetch-Site": "same-site", "Origin": "https://blog.example.com"},
	{"Sec-Fetch-Site": "cross-site"},
	{"Origin": "https://evil.example"},
	{"Origin": "https://example.com.evil.example"},
}

func TestCrossOriginUnsafeRefused(t *testing.T) {
	for _, method := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		for _, hd := range testCrossOrigin {
			what := testDescribe(method, hd)
			t.Run(what, func(t *testing.T) {
				code, called := testServe(t, nil, method, hd)
				if called || code != http.StatusForbidden {
					t.Errorf("%s: status %d, handler called: %v; want 403 and the handler not called", what, code, called)
				}
			})
		}
	}
}

func TestSameOriginAllowed(t *testing.T) {
	for _, method := range []string{"POST", "DELETE"} {
		for _, hd := range []map[string]string{
			{"Sec-Fetch-Site": "same-origin", "Origin": "https://example.com"},
			{"Sec-Fetch-Site": "none"},
			{"Origin": "https://example.com"},
			{"Origin": "http://example.com"},
			{},
		} {
			what := testDescribe(method, hd)
			t.Run(what, func(t *testing.T) {
				code, called := testServe(t, nil, method, hd)
				if !called || code != http.StatusOK {
					t.Errorf("%s to Host example.com: status %d, handler called: %v; want 200 from the handler", what, code, called)
				}
			})
		}
	}
}

func TestSafeMethodsAllowed(t *testing.T) {
	for _, method := range []string{"GET", "HEAD", "OPTIONS"} {
		hd := map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
		what := testDescribe(method, hd)
		t.Run(what, func(t *testing.T) {
			code, called := testServe(t, nil, method, hd)
			if !called || code != http.StatusOK {
				t.Errorf("%s: status %d, handler called: %v; want 200 from the handler (safe methods are always let through)", what, code, called)
			}
		})
	}
}

func TestTrustedOrigins(t *testing.T) {
	trusted := []string{"https://partner.example", "https://admin.example:8443"}
	tests := []struct {
		origin string
		allow  bool
	}{
		{"https://partner.example", true},
		{"https://admin.example:8443", true},
		{"https://partner.example.evil.example", false},
		{"http://partner.example", false},
		{"https://admin.example", false},
		{"https://evil.example", false},
	}
	for _, tt := range tests {
		for _, sfs := range []string{"cross-site", ""} {
			hd := map[string]string{"Origin": tt.origin}
			if sfs != "" {
				hd["Sec-Fetch-Site"] = sfs
			}
			what := testDescribe("POST", hd)
			t.Run(what, func(t *testing.T) {
				code, called := testServe(t, trusted, "POST", hd)
				switch {
				case tt.allow && (!called || code != http.StatusOK):
					t.Errorf("trusted %q, %s: status %d, handler called: %v; want 200 from the handler", trusted, what, code, called)
				case !tt.allow && (called || code != http.StatusForbidden):
					t.Errorf("trusted %q, %s: status %d, handler called: %v; want 403 and the handler not called", trusted, what, code, called)
				}
			})
		}
	}
}

func TestInvalidTrustedOrigin(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	for _, origin := range []string{"https://partner.example/login", "partner.example", "https://partner.example/?next=1"} {
		t.Run(origin, func(t *testing.T) {
			trusted := []string{"https://fine.example", origin}
			if _, err := Protect(trusted, ok); err == nil {
				t.Errorf("Protect(%q, h) returned a nil error; want an error for %q, which is not an origin", trusted, origin)
			}
		})
	}
	if _, err := Protect([]string{"https://fine.example"}, ok); err != nil {
		t.Errorf("Protect([\"https://fine.example\"], h) returned error %v", err)
	}
}
