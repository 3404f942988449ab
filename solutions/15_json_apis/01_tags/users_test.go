package users

import (
	"encoding/json"
	"io"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

var testCreated = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

const testHash = "$2a$10$N9qo8uLOickgx2ZMRZoMye"

func testKeys(m map[string]any) []string {
	return slices.Sorted(maps.Keys(m))
}

func testEncode(t *testing.T, u User) (string, map[string]any) {
	t.Helper()
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatalf("json.Marshal(%+v): %v", u, err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(b), &m); err != nil {
		t.Fatalf("json.Marshal(User) gave %s, which is not a JSON object: %v", b, err)
	}
	return string(b), m
}

func TestUserFieldNames(t *testing.T) {
	u := User{ID: 7, Name: "Ada", Email: "ada@example.com", PasswordHash: testHash, CreatedAt: testCreated}
	text, m := testEncode(t, u)
	want := []string{"created_at", "email", "id", "name"}
	if got := testKeys(m); !slices.Equal(got, want) {
		t.Fatalf("a User without a nickname encodes as %s: keys %q, want exactly %q", text, got, want)
	}
	if m["id"] != 7.0 || m["name"] != "Ada" || m["email"] != "ada@example.com" || m["created_at"] != "2025-01-02T03:04:05Z" {
		t.Errorf("a User encodes as %s, want id 7, name \"Ada\", email \"ada@example.com\", created_at \"2025-01-02T03:04:05Z\"", text)
	}
}

func TestUserNickname(t *testing.T) {
	u := User{ID: 1, Name: "Grace", Email: "grace@example.com", Nickname: "amazing grace", PasswordHash: testHash, CreatedAt: testCreated}
	text, m := testEncode(t, u)
	want := []string{"created_at", "email", "id", "name", "nickname"}
	if got := testKeys(m); !slices.Equal(got, want) {
		t.Fatalf("a User with a nickname encodes as %s: keys %q, want exactly %q", text, got, want)
	}
	if m["nickname"] != "amazing grace" {
		t.Errorf("a User with a nickname encodes as %s, want \"nickname\": \"amazing grace\"", text)
	}
}

func TestPasswordHashNeverLeaves(t *testing.T) {
	u := User{ID: 7, Name: "Ada", Email: "ada@example.com", PasswordHash: testHash, CreatedAt: testCreated}
	text, _ := testEncode(t, u)
	if strings.Contains(text, testHash) || strings.Contains(strings.ToLower(text), "password") {
		t.Errorf("a User encodes as %s: the password hash must never be encoded (tag it `json:\"-\"`)", text)
	}
	// The same tag keeps a client from setting it.
	var in User
	body := `{"name":"Eve","password_hash":"x","PasswordHash":"x"}`
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", body, err)
	}
	if in.PasswordHash != "" {
		t.Errorf("decoding %s set PasswordHash to %q: a client must not be able to set it", body, in.PasswordHash)
	}
}

func TestHandler(t *testing.T) {
	users := map[string]User{
		"7": {ID: 7, Name: "Ada", Email: "ada@example.com", PasswordHash: testHash, CreatedAt: testCreated},
	}
	srv := httptest.NewServer(NewMux(users))
	defer srv.Close()
	tests := []struct {
		path    string
		status  int
		wantKey string
	}{
		{"/users/7", 200, "name"},
		{"/users/8", 404, "error"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := srv.Client().Get(srv.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			b := strings.TrimSpace(string(raw))
			if resp.StatusCode != tt.status {
				t.Errorf("GET %s: status %d, want %d (body %s)", tt.path, resp.StatusCode, tt.status, b)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %s: Content-Type %q, want application/json", tt.path, ct)
			}
			var m map[string]any
			if err := json.Unmarshal([]byte(b), &m); err != nil {
				t.Fatalf("GET %s: body %s is not a JSON object: %v", tt.path, b, err)
			}
			if _, ok := m[tt.wantKey]; !ok {
				t.Errorf("GET %s: body %s, want a %q key", tt.path, b, tt.wantKey)
			}
			if strings.Contains(b, testHash) {
				t.Errorf("GET %s: the body %s contains the password hash", tt.path, b)
			}
		})
	}
}
