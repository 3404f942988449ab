package users

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"
)

var testCreated = time.Date(2021, 5, 4, 10, 0, 0, 0, time.UTC)

func testUsers() Store {
	return Store{
		7:  {ID: 7, GivenName: "Ada", FamilyName: "Lovelace", Email: "ada@example.com", Created: testCreated},
		42: {ID: 42, GivenName: "Grace", FamilyName: "Hopper", Email: "grace@example.com", Created: testCreated.Add(time.Hour)},
	}
}

// testV1 and testV2 are the bodies each version must send for user 7.
var (
	testV1 = map[string]any{"id": 7.0, "name": "Ada Lovelace", "email": "ada@example.com"}
	testV2 = map[string]any{"id": 7.0, "given_name": "Ada", "family_name": "Lovelace", "email": "ada@example.com", "created": "2021-05-04T10:00:00Z"}
)

// testGet sends GET path with the API-Version header (none if "-").
func testGet(path, version string) (int, map[string]any, string) {
	r := httptest.NewRequest("GET", path, nil)
	if version != "-" {
		r.Header.Set("API-Version", version)
	}
	rec := httptest.NewRecorder()
	NewHandler(testUsers()).ServeHTTP(rec, r)
	var m map[string]any
	if rec.Code == http.StatusOK {
		if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
			return rec.Code, nil, fmt.Sprintf("invalid JSON (%v): %q", err, rec.Body.String())
		}
	}
	return rec.Code, m, rec.Body.String()
}

// testRequest names a request in messages.
func testRequest(path, version string) string {
	if version == "-" {
		return "GET " + path + " (no API-Version)"
	}
	return fmt.Sprintf("GET %s (API-Version: %q)", path, version)
}

// testSame compares a body with the one wanted: the same fields, with the
// same values (a time may be written in any RFC 3339 form of its instant).
func testSame(got, want map[string]any) bool {
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		return false
	}
	for k, w := range want {
		if k == "created" {
			s, _ := got[k].(string)
			tm, err := time.Parse(time.RFC3339Nano, s)
			if err != nil || !tm.Equal(testCreated) {
				return false
			}
			continue
		}
		if got[k] != w {
			return false
		}
	}
	return true
}

func testCheck(t *testing.T, path, version string, want map[string]any, which string) {
	t.Helper()
	code, got, body := testGet(path, version)
	if code != http.StatusOK {
		t.Fatalf("%s = %d %q, want 200 with the %s body", testRequest(path, version), code, body, which)
	}
	if !testSame(got, want) {
		t.Errorf("%s = %v, want the %s body %v", testRequest(path, version), got, which, want)
	}
}

func TestV1KeepsItsShape(t *testing.T) {
	for _, c := range []struct{ name, path, version string }{
		{"v1 route", "/v1/users/7", "-"},
		{"v1 route, any header", "/v1/users/7", "2"},
		{"header route, no header", "/users/7", "-"},
		{"header route, version 1", "/users/7", "1"},
	} {
		t.Run(c.name, func(t *testing.T) { testCheck(t, c.path, c.version, testV1, "version 1") })
	}
}

func TestV2(t *testing.T) {
	for _, c := range []struct{ name, path, version string }{
		{"v2 route", "/v2/users/7", "-"},
		{"v2 route, any header", "/v2/users/7", "1"},
		{"header route, version 2", "/users/7", "2"},
	} {
		t.Run(c.name, func(t *testing.T) { testCheck(t, c.path, c.version, testV2, "version 2") })
	}
	t.Run("another user", func(t *testing.T) {
		code, got, body := testGet("/v2/users/42", "-")
		if code != http.StatusOK || got["given_name"] != "Grace" || got["family_name"] != "Hopper" {
			t.Errorf("%s = %d %q, want 200 with given_name Grace and family_name Hopper", testRequest("/v2/users/42", "-"), code, body)
		}
	})
}

func TestUnknownVersion(t *testing.T) {
	for _, v := range []string{"3", "0", "v2", "latest"} {
		t.Run(v, func(t *testing.T) {
			if code, _, body := testGet("/users/7", v); code != http.StatusBadRequest {
				t.Errorf("%s = %d %q, want 400", testRequest("/users/7", v), code, body)
			}
		})
	}
}

func TestUnknownUser(t *testing.T) {
	for _, c := range []struct{ path, version string }{
		{"/v1/users/8", "-"},
		{"/v2/users/8", "-"},
		{"/v2/users/ada", "-"},
		{"/users/8", "-"},
		{"/users/8", "2"},
	} {
		t.Run(testRequest(c.path, c.version), func(t *testing.T) {
			if code, _, body := testGet(c.path, c.version); code != http.StatusNotFound {
				t.Errorf("%s = %d %q, want 404", testRequest(c.path, c.version), code, body)
			}
		})
	}
}
