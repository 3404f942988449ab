// Test the Greet handler without starting a server: httptest.NewRequest
// builds a request, httptest.NewRecorder records the answer, and
// rec.Result() is the response a client would get. Check status, headers
// and body. Your tests must fail on hidden broken versions of Greet.
package greet

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestGreet(t *testing.T) {
	rec := httptest.NewRecorder()
	Greet(rec, httptest.NewRequest(http.MethodGet, "/greet?name=Ada", nil))
	res := rec.Result()
	if res.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want %d", res.StatusCode, http.StatusOK)
	}
	// TODO: the Content-Type header and the body, then the other cases
	// the doc comment of Greet promises.
}
