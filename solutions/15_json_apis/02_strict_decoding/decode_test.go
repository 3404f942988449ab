package orders

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func testPost(body string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/orders", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	CreateOrder(rec, req)
	return rec
}

func testShort(s string) string {
	if len(s) > 60 {
		return fmt.Sprintf("%q… (%d bytes)", s[:60], len(s))
	}
	return fmt.Sprintf("%q", s)
}

func TestValidBodies(t *testing.T) {
	tests := []struct {
		name, body string
		want       Order
	}{
		{"an order", `{"item":"teapot","quantity":2}`, Order{Item: "teapot", Quantity: 2}},
		{"with a note", `{"item":"mug","quantity":1,"note":"gift wrap"}`, Order{Item: "mug", Quantity: 1, Note: "gift wrap"}},
		{"trailing newline", "{\"item\":\"mug\",\"quantity\":1}\n", Order{Item: "mug", Quantity: 1}},
		{"spaces around", "  \n{\"item\":\"mug\",\"quantity\":3}  \r\n\t ", Order{Item: "mug", Quantity: 3}},
		{"field names match case-insensitively", `{"Item":"cup","QUANTITY":4}`, Order{Item: "cup", Quantity: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := testPost(tt.body)
			if rec.Code != http.StatusCreated {
				t.Fatalf("POST /orders with %s: status %d, want 201 (body %s)", testShort(tt.body), rec.Code, testShort(rec.Body.String()))
			}
			var got Order
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got != tt.want {
				t.Errorf("POST /orders with %s: answered %s, want the order %+v", testShort(tt.body), testShort(rec.Body.String()), tt.want)
			}
		})
	}
}

func TestBadBodies(t *testing.T) {
	tests := []struct {
		name, body string
	}{
		{"empty body", ""},
		{"only spaces", "   \n"},
		{"malformed JSON", `{"item":"mug",`},
		{"not an object", `"mug"`},
		{"wrong type", `{"item":"mug","quantity":"two"}`},
		{"unknown field (a typo)", `{"item":"mug","quantty":2}`},
		{"unknown field beside the known ones", `{"item":"mug","quantity":2,"price":0}`},
		{"two JSON values", `{"item":"mug","quantity":1}{"item":"cup","quantity":9}`},
		{"garbage after the value", `{"item":"mug","quantity":1} trailing`},
		{"a second value after a newline", "{\"item\":\"mug\",\"quantity\":1}\n[]"},
		{"a closing brace after the object", `{"item":"mug","quantity":1}}`},
		{"a closing bracket after the object", `{"item":"mug","quantity":1}]`},
		{"a second value after 3000 spaces (within the limit)", `{"item":"mug","quantity":1}` + strings.Repeat(" ", 3000) + `{}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := testPost(tt.body)
			if rec.Code != http.StatusBadRequest {
				t.Errorf("POST /orders with %s: status %d, want 400 (body %s)", testShort(tt.body), rec.Code, testShort(rec.Body.String()))
			}
		})
	}
}

// testSized returns a valid order whose JSON is exactly n bytes long.
func testSized(n int) string {
	base := `{"item":"mug","quantity":1,"note":""}`
	return base[:len(base)-2] + strings.Repeat("x", n-len(base)) + `"}`
}

func TestBodyLimit(t *testing.T) {
	small := `{"item":"mug","quantity":1}`
	tests := []struct {
		name   string
		what   string // the body, in words
		body   string
		status int
	}{
		{"exactly MaxBodyBytes", "a valid order", testSized(MaxBodyBytes), http.StatusCreated},
		{"one byte over", "a valid order", testSized(MaxBodyBytes + 1), http.StatusRequestEntityTooLarge},
		{"far over", "a valid order", testSized(10 * MaxBodyBytes), http.StatusRequestEntityTooLarge},
		{"a megabyte", "a valid order", testSized(1 << 20), http.StatusRequestEntityTooLarge},
		{"spaces up to the limit", fmt.Sprintf("%s followed by %d spaces", small, MaxBodyBytes-len(small)), small + strings.Repeat(" ", MaxBodyBytes-len(small)), http.StatusCreated},
		{"spaces past the limit", small + " followed by 5000 spaces", small + strings.Repeat(" ", 5000), http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := testPost(tt.body)
			if rec.Code != tt.status {
				t.Errorf("POST /orders with %s (%d bytes; the limit is %d): status %d, want %d (body %s)", tt.what, len(tt.body), MaxBodyBytes, rec.Code, tt.status, testShort(rec.Body.String()))
			}
		})
	}
}

func TestBodyLimitStopsReading(t *testing.T) {
	// A client may send far more than the limit; the server must stop
	// reading soon after it, not read everything first.
	body := &testCountingReader{r: strings.NewReader(testSized(8 << 20))}
	rec := httptest.NewRecorder()
	CreateOrder(rec, httptest.NewRequest("POST", "/orders", body))
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("POST /orders with 8 MiB: status %d, want 413", rec.Code)
	}
	if body.n > 4*MaxBodyBytes+64<<10 {
		t.Errorf("POST /orders with 8 MiB: the handler read %d bytes of the body, want it to stop near the limit of %d", body.n, MaxBodyBytes)
	}
}

type testCountingReader struct {
	r *strings.Reader
	n int
}

func (c *testCountingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}
