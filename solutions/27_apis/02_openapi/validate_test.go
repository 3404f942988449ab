package orders

import (
	_ "embed"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

//go:embed api/openapi.yaml
var testSpec []byte

// testNext stands for the API's real handler: it records that it was
// called and the body it could read, and answers 200.
type testNext struct {
	called bool
	body   string
}

func (h *testNext) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.called = true
	b, _ := io.ReadAll(r.Body)
	h.body = string(b)
	w.WriteHeader(http.StatusOK)
}

// testCase is one request of the tests.
type testCase struct {
	name   string
	method string
	target string
	body   string // sent as application/json when not empty
}

func (c testCase) String() string {
	if c.body == "" {
		return c.method + " " + c.target
	}
	return c.method + " " + c.target + " " + c.body
}

// testServe sends c through New(testSpec, next).
func testServe(t *testing.T, c testCase) (*httptest.ResponseRecorder, *testNext) {
	t.Helper()
	next := &testNext{}
	h, err := New(testSpec, next)
	if err != nil {
		t.Fatalf("New(api/openapi.yaml) = %v, want no error", err)
	}
	var body io.Reader
	if c.body != "" {
		body = strings.NewReader(c.body)
	}
	r := httptest.NewRequest(c.method, c.target, body)
	if c.body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec, next
}

func TestValidRequestsReachHandler(t *testing.T) {
	for _, c := range []testCase{
		{"list", "GET", "/orders", ""},
		{"list with query", "GET", "/orders?limit=50&status=shipped", ""},
		{"one order", "GET", "/orders/ord_12", ""},
		{"place an order", "POST", "/orders", `{"item":"pen","quantity":3}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec, next := testServe(t, c)
			if !next.called {
				t.Fatalf("%s: the handler was not called (answer %d %q), want the valid request passed on", c, rec.Code, strings.TrimSpace(rec.Body.String()))
			}
			if next.body != c.body {
				t.Errorf("%s: the handler read the body %q, want %q (the body must still be there after validation)", c, next.body, c.body)
			}
		})
	}
}

// testRejected checks that c got 400, naming want, and never reached next.
func testRejected(t *testing.T, c testCase, want string) {
	t.Helper()
	rec, next := testServe(t, c)
	body := strings.TrimSpace(rec.Body.String())
	if rec.Code != http.StatusBadRequest {
		t.Errorf("%s: answer %d %q, want 400", c, rec.Code, body)
	}
	if next.called {
		t.Errorf("%s: the handler was called, want the invalid request stopped before it", c)
	}
	if rec.Code == http.StatusBadRequest && !strings.Contains(body, want) {
		t.Errorf("%s: 400 with body %q, want the validator's message, which names %q", c, body, want)
	}
}

func TestInvalidParameters(t *testing.T) {
	for _, c := range []struct {
		testCase
		names string
	}{
		{testCase{"limit below minimum", "GET", "/orders?limit=0", ""}, "limit"},
		{testCase{"limit above maximum", "GET", "/orders?limit=51", ""}, "limit"},
		{testCase{"limit not a number", "GET", "/orders?limit=ten", ""}, "limit"},
		{testCase{"status not in enum", "GET", "/orders?status=lost", ""}, "status"},
		{testCase{"id breaks pattern", "GET", "/orders/12", ""}, "id"},
	} {
		t.Run(c.name, func(t *testing.T) { testRejected(t, c.testCase, c.names) })
	}
}

func TestInvalidBody(t *testing.T) {
	for _, c := range []struct {
		testCase
		names string
	}{
		{testCase{"missing quantity", "POST", "/orders", `{"item":"pen"}`}, "quantity"},
		{testCase{"quantity a string", "POST", "/orders", `{"item":"pen","quantity":"3"}`}, "quantity"},
		{testCase{"quantity too big", "POST", "/orders", `{"item":"pen","quantity":500}`}, "quantity"},
		{testCase{"empty item", "POST", "/orders", `{"item":"","quantity":1}`}, "item"},
		{testCase{"unknown field", "POST", "/orders", `{"item":"pen","quantity":1,"price":9}`}, "price"},
		{testCase{"not JSON", "POST", "/orders", `item=pen`}, "body"},
		{testCase{"no body", "POST", "/orders", ``}, "body"},
	} {
		t.Run(c.name, func(t *testing.T) { testRejected(t, c.testCase, c.names) })
	}
}

func TestUnknownRoute(t *testing.T) {
	for _, c := range []struct {
		testCase
		codes []int
	}{
		{testCase{"unknown path", "GET", "/customers", ""}, []int{404}},
		{testCase{"unknown nested path", "GET", "/orders/ord_1/lines", ""}, []int{404}},
		{testCase{"method not in document", "DELETE", "/orders/ord_1", ""}, []int{404, 405}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec, next := testServe(t, c.testCase)
			if next.called {
				t.Errorf("%s: the handler was called, want a request the document does not describe stopped before it", c.testCase)
			}
			ok := false
			for _, code := range c.codes {
				ok = ok || rec.Code == code
			}
			if !ok {
				t.Errorf("%s: answer %d, want %v", c.testCase, rec.Code, c.codes)
			}
		})
	}
}

func TestNewRejectsBadDocument(t *testing.T) {
	for _, c := range []struct{ name, spec string }{
		{"not YAML or JSON", "{{{ not a document"},
		{"no info", "openapi: 3.0.3\npaths: {}\n"},
		{"schema of an unknown type", strings.Replace(string(testSpec), "type: integer, minimum: 1, maximum: 100", "type: whole, minimum: 1", 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := New([]byte(c.spec), &testNext{}); err == nil {
				t.Errorf("New(a document with %s) = nil error, want an error (load it, then call its Validate)", c.name)
			}
		})
	}
}
