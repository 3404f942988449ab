package services

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"
)

// ANCHOR: gateway
// statusFor is the status a gateway answers when its call to a backend
// failed with err.
func statusFor(err error) int {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout // the backend was too slow
	default:
		return http.StatusBadGateway // unreachable, or answered nonsense
	}
}

func Example_gateway() {
	hang := func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers on its own
	}
	slow := httptest.NewServer(http.HandlerFunc(hang))
	defer slow.Close()
	gone := httptest.NewServer(http.NotFoundHandler())
	gone.Close() // nothing listens there any more

	for _, url := range []string{slow.URL, gone.URL} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
		_, err := http.DefaultClient.Do(req)
		cancel()
		fmt.Println(statusFor(err))
	}
	// Output:
	// 504
	// 502
}

// ANCHOR_END: gateway
