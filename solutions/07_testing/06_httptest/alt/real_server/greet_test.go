// Serves Greet on an httptest.Server and checks it with a real http.Client instead of a recorder.
package greet

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func serve(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(Greet))
	t.Cleanup(srv.Close)
	return srv
}

func do(t *testing.T, method, target string) (*http.Response, map[string]string) {
	t.Helper()
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]string
	if res.StatusCode != http.StatusMethodNotAllowed {
		if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
			t.Fatalf("%s %s: body is not a JSON object: %v", method, target, err)
		}
	}
	return res, body
}

func TestGreetNames(t *testing.T) {
	srv := serve(t)
	for _, name := range []string{"Ada", `Bob "the builder"`, "Zoë", "🙂", `back\slash`} {
		t.Run(name, func(t *testing.T) {
			res, body := do(t, http.MethodGet, srv.URL+"/greet?name="+url.QueryEscape(name))
			if res.StatusCode != http.StatusOK {
				t.Errorf("status %d, want 200", res.StatusCode)
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q, want application/json", ct)
			}
			if want := "Hello, " + name + "!"; body["greeting"] != want {
				t.Errorf("greeting %q, want %q", body["greeting"], want)
			}
		})
	}
}

func TestGreetMissingName(t *testing.T) {
	srv := serve(t)
	for _, target := range []string{"/greet", "/greet?name="} {
		res, body := do(t, http.MethodGet, srv.URL+target)
		if res.StatusCode != http.StatusBadRequest || body["error"] != "missing name" {
			t.Errorf("GET %s: %d %v, want 400 with error \"missing name\"", target, res.StatusCode, body)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q, want application/json", target, ct)
		}
	}
}

func TestGreetOtherMethods(t *testing.T) {
	srv := serve(t)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch} {
		res, _ := do(t, m, srv.URL+"/greet?name=Ada")
		if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET" {
			t.Errorf("%s: status %d, Allow %q; want 405, \"GET\"", m, res.StatusCode, res.Header.Get("Allow"))
		}
	}
}
