package search

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// testGet calls Search through a real server, so that headers and Content-Type
// are what a client would see.
func testGet(t *testing.T, target string, accept string) (*http.Response, string) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(Search))
	t.Cleanup(srv.Close)
	req, err := http.NewRequest("GET", srv.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading the body: %v", target, err)
	}
	return resp, string(b)
}

// testShort keeps messages readable: long bodies are cut.
func testShort(s string) string {
	if r := []rune(s); len(r) > 70 {
		return strconv.Quote(string(r[:70])) + "…"
	}
	return strconv.Quote(s)
}

// testShow prints a list of lines, the first few of a long one.
func testShow(l []string) string {
	if len(l) > 4 {
		return fmt.Sprintf("%d lines %q…", len(l), l[:4])
	}
	return fmt.Sprintf("%q", l)
}

func testLines(body string) []string {
	if body == "" {
		return []string{}
	}
	return strings.Split(strings.TrimSuffix(body, "\n"), "\n")
}

func TestSearch(t *testing.T) {
	tests := []struct {
		name   string
		target string
		want   []string
		total  int
	}{
		{"no parameters: the first 10 products", "/search", Products[:10], len(Products)},
		{"a limit", "/search?limit=3", Products[:3], len(Products)},
		{"a limit and an offset", "/search?limit=3&offset=4", Products[4:7], len(Products)},
		{"an offset alone keeps the default limit", "/search?offset=20", Products[20:], len(Products)},
		{"the largest limit", "/search?limit=50", Products, len(Products)},
		{"an offset past the end is an empty page", "/search?offset=100", []string{}, len(Products)},
		{"empty values mean the defaults", "/search?limit=&offset=&q=", Products[:10], len(Products)},
		{"q matches anywhere, ignoring case", "/search?q=MUG", []string{"coffee mug", "travel mug", "mug rack", "Mug warmer"}, 4},
		{"q with paging", "/search?q=mug&limit=2&offset=1", []string{"travel mug", "mug rack"}, 4},
		{"q with a space (+ in a query string)", "/search?q=coffee+s", []string{"coffee scale"}, 1},
		{"q with an escaped space", "/search?q=tea%20t", []string{"tea towel", "tea tin"}, 2},
		{"q with non-ASCII letters, ignoring case", "/search?q=caf%C3%89", []string{"café au lait bowl", "CAFÉ SIGN"}, 2},
		{"q that matches nothing", "/search?q=spoon", []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := testGet(t, tt.target, "")
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: status %d, want 200 (body %s)", tt.target, resp.StatusCode, testShort(body))
			}
			if got := testLines(body); !slices.Equal(got, tt.want) {
				t.Errorf("GET %s: %s, want %s", tt.target, testShow(got), testShow(tt.want))
			}
			if got := resp.Header.Get("X-Total-Count"); got != strconv.Itoa(tt.total) {
				t.Errorf("GET %s: X-Total-Count %q, want %q (every match, before limit and offset)", tt.target, got, strconv.Itoa(tt.total))
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
				t.Errorf("GET %s: Content-Type %q, want text/plain; charset=utf-8", tt.target, ct)
			}
		})
	}
}

func TestSearchBadValues(t *testing.T) {
	for _, target := range []string{
		"/search?limit=0",
		"/search?limit=51",
		"/search?limit=100000",
		"/search?limit=-1",
		"/search?limit=ten",
		"/search?limit=2.5",
		"/search?offset=-1",
		"/search?offset=abc",
		"/search?limit=5&offset=1e3",
	} {
		t.Run(target, func(t *testing.T) {
			resp, body := testGet(t, target, "")
			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("GET %s: status %d, want 400 Bad Request (body %s)", target, resp.StatusCode, testShort(body))
			}
		})
	}
}

func TestSearchJSON(t *testing.T) {
	for _, accept := range []string{"application/json", "application/json, text/plain;q=0.5"} {
		t.Run(accept, func(t *testing.T) {
			resp, body := testGet(t, "/search?q=tea&limit=2", accept)
			if resp.StatusCode != 200 {
				t.Fatalf("GET /search?q=tea&limit=2 with Accept %q: status %d, want 200", accept, resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET /search?q=tea&limit=2 with Accept %q: Content-Type %q, want application/json", accept, ct)
			}
			var got []string
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("GET /search?q=tea&limit=2 with Accept %q: the body %s is not a JSON array of strings: %v", accept, testShort(body), err)
			}
			want := []string{"teapot", "tea strainer"}
			if !slices.Equal(got, want) {
				t.Errorf("GET /search?q=tea&limit=2 with Accept %q: %q, want %q", accept, got, want)
			}
			if got := resp.Header.Get("X-Total-Count"); got != "4" {
				t.Errorf("GET /search?q=tea&limit=2 with Accept %q: X-Total-Count %q, want \"4\"", accept, got)
			}
		})
	}
}

func TestSearchJSONNoMatch(t *testing.T) {
	const path = "/search?q=no-such-product"
	resp, body := testGet(t, path, "application/json")
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s with Accept \"application/json\": status %d, want 200", path, resp.StatusCode)
	}
	if got := strings.TrimSpace(body); got != "[]" {
		t.Errorf("GET %s with Accept \"application/json\": body %s, want [] (an empty JSON array)", path, testShort(body))
	}
	if got := resp.Header.Get("X-Total-Count"); got != "0" {
		t.Errorf("GET %s with Accept \"application/json\": X-Total-Count %q, want \"0\"", path, got)
	}
}
