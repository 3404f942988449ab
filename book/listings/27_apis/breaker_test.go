package apis

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// ErrOpen is what a circuit breaker returns, at once, while it is open.
var ErrOpen = errors.New("circuit open")

// A Breaker runs f, or refuses to.
type Breaker interface {
	Call(f func() error) error
}

// ANCHOR: use
// PriceHandler asks the pricing service through a breaker. While the
// circuit is open, clients get 503 at once, with a hint of when to retry,
// instead of each waiting for a timeout.
func PriceHandler(b Breaker, fetch func() (string, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var price string
		err := b.Call(func() error {
			var err error
			price, err = fetch()
			return err
		})
		switch {
		case errors.Is(err, ErrOpen):
			w.Header().Set("Retry-After", "30")
			http.Error(w, "pricing is unavailable", http.StatusServiceUnavailable)
		case err != nil:
			http.Error(w, "pricing failed", http.StatusBadGateway)
		default:
			fmt.Fprintln(w, price)
		}
	}
}

// ANCHOR_END: use

// openBreaker is a breaker that is always open.
type openBreaker struct{}

func (openBreaker) Call(func() error) error { return ErrOpen }

func ExamplePriceHandler() {
	called := false
	h := PriceHandler(openBreaker{}, func() (string, error) {
		called = true
		return "9.99", nil
	})
	rec := httptest.NewRecorder()
	h(rec, httptest.NewRequest("GET", "/price", nil))
	fmt.Println(rec.Code, rec.Header().Get("Retry-After"), called)

	// Output:
	// 503 30 false
}
