package testdemo

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// ANCHOR: recorder
func TestHealth(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "/health", nil)
	rec := httptest.NewRecorder() // an http.ResponseWriter that remembers
	Health(rec, req)              // call the handler like any function

	res := rec.Result() // the response as a client would receive it
	if res.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want %d", res.StatusCode, http.StatusOK)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	body, _ := io.ReadAll(res.Body)
	var got map[string]string
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("body %q is not JSON: %v", body, err)
	}
	if got["status"] != "ok" {
		t.Errorf("status field = %q, want %q", got["status"], "ok")
	}
}

// ANCHOR_END: recorder

// ANCHOR: server
func TestHealthOverHTTP(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(Health)) // a real server on 127.0.0.1
	t.Cleanup(srv.Close)

	res, err := http.Get(srv.URL + "/health") // a real client, a real connection
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want %d", res.StatusCode, http.StatusOK)
	}
}

// ANCHOR_END: server

// ANCHOR: late
func Example_headerTooLate() {
	late := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
		w.Header().Set("X-Version", "1.2") // too late: the headers are sent
	}
	rec := httptest.NewRecorder()
	late(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	fmt.Printf("rec.Header():        %q\n", rec.Header().Get("X-Version"))
	fmt.Printf("rec.Result().Header: %q\n", rec.Result().Header.Get("X-Version"))
	// Output:
	// rec.Header():        "1.2"
	// rec.Result().Header: ""
}

// ANCHOR_END: late
