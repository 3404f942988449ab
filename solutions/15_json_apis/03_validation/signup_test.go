package signup

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

var testValid = SignupRequest{Name: "Ada Lovelace", Email: "ada@example.com", Password: "correct horse", Age: 36}

func testWith(f func(*SignupRequest)) SignupRequest {
	s := testValid
	f(&s)
	return s
}

func testShow(s SignupRequest) string {
	return fmt.Sprintf("{Name: %q, Email: %q, Password: %q, Age: %d}", s.Name, s.Email, s.Password, s.Age)
}

func testFields(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		req  SignupRequest
		want []string // the invalid fields
	}{
		{"a valid request", testValid, []string{}},
		{"name missing", testWith(func(s *SignupRequest) { s.Name = "" }), []string{"name"}},
		{"name of spaces only", testWith(func(s *SignupRequest) { s.Name = "   " }), []string{"name"}},
		{"name of 50 characters", testWith(func(s *SignupRequest) { s.Name = strings.Repeat("a", 50) }), []string{}},
		{"name of 51 characters", testWith(func(s *SignupRequest) { s.Name = strings.Repeat("a", 51) }), []string{"name"}},
		{"name of 50 accented characters (100 bytes)", testWith(func(s *SignupRequest) { s.Name = strings.Repeat("é", 50) }), []string{}},
		{"name of 50 Japanese characters (150 bytes)", testWith(func(s *SignupRequest) { s.Name = strings.Repeat("名", 50) }), []string{}},
		{"name of 51 Japanese characters", testWith(func(s *SignupRequest) { s.Name = strings.Repeat("名", 51) }), []string{"name"}},
		{"name with spaces around", testWith(func(s *SignupRequest) { s.Name = "  Zoë  " }), []string{}},
		{"name of 50 characters with spaces around", testWith(func(s *SignupRequest) { s.Name = "  " + strings.Repeat("a", 50) + "  " }), []string{}},
		{"email missing", testWith(func(s *SignupRequest) { s.Email = "" }), []string{"email"}},
		{"email without @", testWith(func(s *SignupRequest) { s.Email = "ada.example.com" }), []string{"email"}},
		{"email with nothing before @", testWith(func(s *SignupRequest) { s.Email = "@example.com" }), []string{"email"}},
		{"email with nothing after @", testWith(func(s *SignupRequest) { s.Email = "ada@" }), []string{"email"}},
		{"email without a dot after @", testWith(func(s *SignupRequest) { s.Email = "ada@localhost" }), []string{"email"}},
		{"email with two @", testWith(func(s *SignupRequest) { s.Email = "ada@home@example.com" }), []string{"email"}},
		{"email with a space", testWith(func(s *SignupRequest) { s.Email = "ada lovelace@example.com" }), []string{"email"}},
		{"email with a dot only before @", testWith(func(s *SignupRequest) { s.Email = "ada.lovelace@localhost" }), []string{"email"}},
		{"email with a subdomain", testWith(func(s *SignupRequest) { s.Email = "ada.l+news@mail.example.co.uk" }), []string{}},
		{"password of 7 characters", testWith(func(s *SignupRequest) { s.Password = "1234567" }), []string{"password"}},
		{"password of 8 characters", testWith(func(s *SignupRequest) { s.Password = "12345678" }), []string{}},
		{"password of 8 non-ASCII characters", testWith(func(s *SignupRequest) { s.Password = "ñññññññ1" }), []string{}},
		{"password of 4 Japanese characters (12 bytes)", testWith(func(s *SignupRequest) { s.Password = "秘密鍵名" }), []string{"password"}},
		{"age missing (0)", testWith(func(s *SignupRequest) { s.Age = 0 }), []string{"age"}},
		{"age 12", testWith(func(s *SignupRequest) { s.Age = 12 }), []string{"age"}},
		{"age 13", testWith(func(s *SignupRequest) { s.Age = 13 }), []string{}},
		{"age 130", testWith(func(s *SignupRequest) { s.Age = 130 }), []string{}},
		{"age 131", testWith(func(s *SignupRequest) { s.Age = 131 }), []string{"age"}},
		{"age negative", testWith(func(s *SignupRequest) { s.Age = -5 }), []string{"age"}},
		{"everything wrong at once", SignupRequest{Email: "nope", Password: "short", Age: 7}, []string{"age", "email", "name", "password"}},
		{"two fields wrong", testWith(func(s *SignupRequest) { s.Email = "x"; s.Age = 200 }), []string{"age", "email"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := tt.req.Validate()
			if got := testFields(problems); !slices.Equal(got, tt.want) {
				t.Errorf("%s.Validate() found problems with %q, want %q", testShow(tt.req), got, tt.want)
			}
			for f, msg := range problems {
				if msg == "" {
					t.Errorf("%s.Validate(): the message for %q is empty", testShow(tt.req), f)
				}
			}
		})
	}
}

func testPost(body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	Signup(rec, httptest.NewRequest("POST", "/signup", strings.NewReader(body)))
	return rec
}

func TestSignupHandler(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		status int
		errors []string // the fields listed under "errors" (422 only)
	}{
		{"a valid request", `{"name":"Ada","email":"ada@example.com","password":"correct horse","age":36}`, 201, nil},
		{"one invalid field", `{"name":"Ada","email":"ada","password":"correct horse","age":36}`, 422, []string{"email"}},
		{"every field invalid", `{"name":"","email":"ada","password":"x","age":3}`, 422, []string{"age", "email", "name", "password"}},
		{"an empty object", `{}`, 422, []string{"age", "email", "name", "password"}},
		{"malformed JSON is still 400", `{"name":`, 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := testPost(tt.body)
			if rec.Code != tt.status {
				t.Fatalf("POST /signup %s: status %d, want %d (body %s)", tt.body, rec.Code, tt.status, strings.TrimSpace(rec.Body.String()))
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("POST /signup %s: Content-Type %q, want application/json", tt.body, ct)
			}
			if tt.status != 422 {
				return
			}
			var got struct {
				Errors map[string]string `json:"errors"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got.Errors == nil {
				t.Fatalf("POST /signup %s: body %s, want {\"errors\": {FIELD: MESSAGE, ...}}", tt.body, strings.TrimSpace(rec.Body.String()))
			}
			if f := testFields(got.Errors); !slices.Equal(f, tt.errors) {
				t.Errorf("POST /signup %s: errors for %q, want %q (every invalid field, by its JSON name)", tt.body, f, tt.errors)
			}
		})
	}
}
