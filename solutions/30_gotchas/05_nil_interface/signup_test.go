package signup

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

var testValidRequests = []struct {
	name string
	req  Request
}{
	{"plain", Request{Email: "ada@example.com", Name: "Ada Lovelace", Password: "correct horse"}},
	{"unicode name", Request{Email: "zoe@example.org", Name: "Zoë Ångström", Password: "battery staple"}},
	{"password of exactly 8 characters", Request{Email: "bob@example.net", Name: "Bob", Password: "pässwörd"}},
}

func TestValidateAcceptsValidRequests(t *testing.T) {
	for _, tt := range testValidRequests {
		t.Run(tt.name, func(t *testing.T) {
			if err := Validate(tt.req); err != nil {
				t.Errorf("Validate(%+v) = %#v, want nil: err != nil is true for what it returned, so every caller rejects this valid request", tt.req, err)
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	tests := []struct {
		name       string
		req        Request
		wantFields []string
	}{
		{"email without @", Request{Email: "ada.example.com", Name: "Ada", Password: "correct horse"}, []string{"email"}},
		{"blank name", Request{Email: "ada@example.com", Name: "   ", Password: "correct horse"}, []string{"name"}},
		{"short password", Request{Email: "ada@example.com", Name: "Ada", Password: "1234567"}, []string{"password"}},
		{"seven characters in more than eight bytes", Request{Email: "ada@example.com", Name: "Ada", Password: "pässwör"}, []string{"password"}},
		{"everything wrong", Request{}, []string{"email", "name", "password"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.req)
			var verr *ValidationError
			if !errors.As(err, &verr) || verr == nil {
				t.Fatalf("Validate(%+v) = %#v, want a *ValidationError listing %q", tt.req, err, tt.wantFields)
			}
			var got []string
			for _, p := range verr.Problems {
				got = append(got, p.Field)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.wantFields) {
				t.Errorf("Validate(%+v) listed problems with %q, want %q", tt.req, got, tt.wantFields)
			}
		})
	}
}

func testPost(body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	Handler(rec, httptest.NewRequest(http.MethodPost, "/signup", strings.NewReader(body)))
	return rec
}

func TestHandlerAcceptsAValidSignup(t *testing.T) {
	for _, tt := range testValidRequests {
		t.Run(tt.name, func(t *testing.T) {
			body, _ := json.Marshal(tt.req)
			rec := testPost(string(body))
			if rec.Code != http.StatusCreated {
				t.Errorf("POST /signup %s: status %d, body %q; want 201 Created", body, rec.Code, strings.TrimSpace(rec.Body.String()))
			}
		})
	}
}

func TestHandlerRejectsAnInvalidSignup(t *testing.T) {
	body := `{"email":"ada.example.com","name":"Ada","password":"short"}`
	rec := testPost(body)
	if rec.Code != http.StatusUnprocessableEntity {
		t.Fatalf("POST /signup %s: status %d, want 422", body, rec.Code)
	}
	var got ValidationError
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("POST /signup %s: body %q is not the JSON list of problems: %v", body, rec.Body.String(), err)
	}
	var fields []string
	for _, p := range got.Problems {
		fields = append(fields, p.Field)
	}
	slices.Sort(fields)
	if want := []string{"email", "password"}; !slices.Equal(fields, want) {
		t.Errorf("POST /signup %s: problems with %q, want %q", body, fields, want)
	}

	if rec := testPost("not json"); rec.Code != http.StatusBadRequest {
		t.Errorf(`POST /signup "not json": status %d, want 400`, rec.Code)
	}
}
