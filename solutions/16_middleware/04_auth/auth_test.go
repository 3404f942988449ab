package auth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

var testAccounts = []Account{
	{Name: "ada", Token: "tok-ada-5f2b9c"},
	{Name: "grace", Token: "tok-grace-81e4d0"},
	{Name: "misconfigured", Token: ""}, // an account whose token was never set
}

// testServe sends a request with the given Authorization header (none if
// absent) and reports what the protected handler saw.
func testServe(authorization string, present bool) (rec *httptest.ResponseRecorder, called bool, user string, userOK bool) {
	h := RequireToken(testAccounts, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		called = true
		user, userOK = UserFrom(r.Context())
		w.Write([]byte("secret data"))
	}))
	rec = httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/reports", nil)
	if present {
		req.Header.Set("Authorization", authorization)
	}
	h.ServeHTTP(rec, req)
	return rec, called, user, userOK
}

func TestValidTokens(t *testing.T) {
	tests := []struct{ header, user string }{
		{"Bearer tok-ada-5f2b9c", "ada"},
		{"Bearer tok-grace-81e4d0", "grace"},
		{"bearer tok-ada-5f2b9c", "ada"},
		{"BEARER tok-grace-81e4d0", "grace"},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			rec, called, user, ok := testServe(tt.header, true)
			if !called || rec.Code != 200 {
				t.Fatalf("Authorization: %q: status %d, handler called: %v; want 200 and the handler called", tt.header, rec.Code, called)
			}
			if !ok || user != tt.user {
				t.Errorf("Authorization: %q: UserFrom in the handler = %q, %v; want %q, true", tt.header, user, ok, tt.user)
			}
		})
	}
}

func TestRejected(t *testing.T) {
	tests := []struct {
		name    string
		header  string
		present bool
	}{
		{"no Authorization header", "", false},
		{"an empty header", "", true},
		{"a wrong token", "Bearer tok-eve-000000", true},
		{"a token with extra characters after it", "Bearer tok-ada-5f2b9cXYZ", true},
		{"the start of a token", "Bearer tok-ada", true},
		{"a token in another case", "Bearer TOK-ADA-5F2B9C", true},
		{"the token without the scheme", "tok-ada-5f2b9c", true},
		{"another scheme", "Basic tok-ada-5f2b9c", true},
		{"the scheme with no token", "Bearer", true},
		{"the scheme and a space (the empty token of the misconfigured account)", "Bearer ", true},
		{"the scheme glued to the token", "Bearertok-ada-5f2b9c", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, called, _, _ := testServe(tt.header, tt.present)
			req := "no Authorization header"
			if tt.present {
				req = "Authorization: " + `"` + tt.header + `"`
			}
			if called {
				if rec.Code == http.StatusUnauthorized {
					// The 401 was written, and next was called all the same.
					t.Errorf("%s: status 401, but the protected handler was called as well: return after writing the 401", req)
				} else {
					t.Errorf("%s: the protected handler was called (status %d): an unauthenticated request must stop in the middleware", req, rec.Code)
				}
			}
			if rec.Code != http.StatusUnauthorized {
				t.Fatalf("%s: status %d, want 401 Unauthorized", req, rec.Code)
			}
			if wa := rec.Header().Get("WWW-Authenticate"); !strings.HasPrefix(strings.ToLower(wa), "bearer") {
				t.Errorf("%s: WWW-Authenticate header %q, want it to start with \"Bearer\"", req, wa)
			}
			if strings.Contains(rec.Body.String(), "secret data") {
				t.Errorf("%s: the body %q shows the protected data", req, rec.Body.String())
			}
		})
	}
}

func TestUserFromWithoutAuthentication(t *testing.T) {
	if user, ok := UserFrom(context.Background()); ok || user != "" {
		t.Errorf("UserFrom(context.Background()) = %q, %v; want \"\", false", user, ok)
	}
	for _, key := range []string{"user", "username", "user_name", "account", "auth", "name"} {
		ctx := context.WithValue(context.Background(), key, "forged")
		if user, ok := UserFrom(ctx); ok || user != "" {
			t.Errorf("UserFrom of a context where someone stored \"forged\" under the string key %q = %q, %v; want \"\", false: use a key of an unexported type", key, user, ok)
		}
	}
}
