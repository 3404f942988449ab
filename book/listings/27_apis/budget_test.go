package apis

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// ANCHOR: budget
// Quote calls three services one after another, within one budget: each
// call gets the same deadline, so each has only what the others left.
func Quote(ctx context.Context, calls ...func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, 800*time.Millisecond)
	defer cancel()
	for _, call := range calls {
		if err := ctx.Err(); err != nil {
			return err // no time left: do not even start
		}
		if err := call(ctx); err != nil {
			return err
		}
	}
	return nil
}

// ANCHOR_END: budget

// ANCHOR: propagate
// withTimeoutHeader tells an HTTP service how long the caller will still
// wait, so that it can give up at the same moment.
func withTimeoutHeader(req *http.Request) {
	if d, ok := req.Context().Deadline(); ok {
		ms := time.Until(d).Milliseconds()
		req.Header.Set("Request-Timeout-Ms", strconv.FormatInt(max(ms, 0), 10))
	}
}

// ANCHOR_END: propagate

func ExampleQuote() {
	var deadlines []time.Time
	call := func(ctx context.Context) error {
		d, _ := ctx.Deadline()
		deadlines = append(deadlines, d)
		time.Sleep(10 * time.Millisecond)
		return nil
	}
	err := Quote(context.Background(), call, call, call)
	fmt.Println(len(deadlines), deadlines[0].Equal(deadlines[2]), err)

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://pricing/", nil)
	withTimeoutHeader(req)
	fmt.Println(req.Header.Get("Request-Timeout-Ms") != "")

	// Output:
	// 3 true <nil>
	// true
}
