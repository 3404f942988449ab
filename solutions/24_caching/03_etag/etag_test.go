package etag

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// testServe calls Serve for a GET with the given If-None-Match header ("" for
// none) and returns what it wrote.
func testServe(body string, ifNoneMatch string, maxAge time.Duration) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, "/doc", nil)
	if ifNoneMatch != "" {
		r.Header.Set("If-None-Match", ifNoneMatch)
	}
	w := httptest.NewRecorder()
	Serve(w, r, "text/plain; charset=utf-8", []byte(body), maxAge)
	return w
}

var testStrongTag = regexp.MustCompile(`^"[\x21\x23-\x7e]*"$`)

func TestETag(t *testing.T) {
	first := testServe("hello", "", time.Minute)
	tag := first.Header().Get("ETag")
	if !testStrongTag.MatchString(tag) {
		t.Fatalf(`Serve(body "hello"): ETag = %q, want a strong tag: a quoted string such as "3f2a9c"`, tag)
	}
	if first.Code != http.StatusOK || first.Body.String() != "hello" {
		t.Errorf(`Serve(body "hello") without If-None-Match = %d %q, want 200 "hello"`, first.Code, first.Body.String())
	}
	if ct := first.Header().Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf(`Serve(body "hello") without If-None-Match: Content-Type = %q, want "text/plain; charset=utf-8"`, ct)
	}
	if again := testServe("hello", "", time.Minute).Header().Get("ETag"); again != tag {
		t.Errorf(`Serve(body "hello") twice: ETag %q, then %q; want the same tag for the same content`, tag, again)
	}
	for _, other := range []string{"hello!", "Hello", ""} {
		if got := testServe(other, "", time.Minute).Header().Get("ETag"); got == tag {
			t.Errorf(`Serve(body %q): ETag = %q, the same as for body "hello"; want a tag computed from the content`, other, got)
		}
	}
}

func testDirectives(v string) []string {
	var ds []string
	for d := range strings.SplitSeq(v, ",") {
		ds = append(ds, strings.ToLower(strings.TrimSpace(d)))
	}
	slices.Sort(ds)
	return ds
}

func TestCacheControl(t *testing.T) {
	tests := []struct {
		maxAge time.Duration
		want   string
	}{
		{time.Minute, "public, max-age=60"},
		{90 * time.Second, "public, max-age=90"},
		{0, "public, max-age=0"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			ok := testServe("hello", "", tt.maxAge)
			if got := ok.Header().Get("Cache-Control"); !slices.Equal(testDirectives(got), testDirectives(tt.want)) {
				t.Errorf("Serve(maxAge %v), 200 response: Cache-Control = %q, want %q", tt.maxAge, got, tt.want)
			}
			tag := ok.Header().Get("ETag")
			nm := testServe("hello", tag, tt.maxAge)
			if got := nm.Header().Get("Cache-Control"); nm.Code == http.StatusNotModified &&
				!slices.Equal(testDirectives(got), testDirectives(tt.want)) {
				t.Errorf("Serve(maxAge %v), 304 response: Cache-Control = %q, want %q (a 304 carries the headers the 200 would have)", tt.maxAge, got, tt.want)
			}
		})
	}
}

func TestIfNoneMatch(t *testing.T) {
	tag := testServe("hello", "", time.Minute).Header().Get("ETag")
	if tag == "" {
		t.Fatal(`Serve(body "hello") sent no ETag header`)
	}
	tests := []struct {
		name        string
		ifNoneMatch string
		want        int
	}{
		{"the current tag", tag, http.StatusNotModified},
		{"another tag", `"not-the-tag"`, http.StatusOK},
		{"a list with the current tag", `"old", ` + tag + `, "older"`, http.StatusNotModified},
		{"a list without it", `"old", "older"`, http.StatusOK},
		{"the current tag, weak", "W/" + tag, http.StatusNotModified},
		{"star", "*", http.StatusNotModified},
		{"the tag of other content", testServe("bye", "", time.Minute).Header().Get("ETag"), http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := testServe("hello", tt.ifNoneMatch, time.Minute)
			if w.Code != tt.want {
				t.Fatalf("Serve(body %q) with If-None-Match: %s (ETag %s): status %d, want %d", "hello", tt.ifNoneMatch, tag, w.Code, tt.want)
			}
			if got := w.Header().Get("ETag"); got != tag {
				t.Errorf("Serve(body %q) with If-None-Match: %s: ETag = %q, want %q", "hello", tt.ifNoneMatch, got, tag)
			}
			switch tt.want {
			case http.StatusNotModified:
				if w.Body.Len() != 0 {
					t.Errorf("Serve(body %q) with If-None-Match: %s: 304 with a body of %d bytes (%q), want no body", "hello", tt.ifNoneMatch, w.Body.Len(), w.Body.String())
				}
			case http.StatusOK:
				if w.Body.String() != "hello" {
					t.Errorf("Serve(body %q) with If-None-Match: %s: 200 with body %q, want %q", "hello", tt.ifNoneMatch, w.Body.String(), "hello")
				}
			}
		})
	}
}
