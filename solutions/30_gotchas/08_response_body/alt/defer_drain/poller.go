// Drains and closes the body in one deferred function.
package poller

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// ErrUnhealthy is wrapped by the error of a service that answered with a
// status other than 2xx.
var ErrUnhealthy = errors.New("unhealthy")

// Status is the outcome of checking one URL.
type Status struct {
	URL  string
	Code int   // the HTTP status code, 0 if there was no response
	Err  error // nil when the service answered 2xx
}

// CheckAll GETs each URL in turn with client and reports its status.
func CheckAll(ctx context.Context, client *http.Client, urls []string) []Status {
	statuses := make([]Status, 0, len(urls))
	for _, url := range urls {
		statuses = append(statuses, check(ctx, client, url))
	}
	return statuses
}

// check GETs url and reports its status. Only the status code matters:
// the body is not used.
func check(ctx context.Context, client *http.Client, url string) Status {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Status{URL: url, Err: err}
	}
	resp, err := client.Do(req)
	if err != nil {
		return Status{URL: url, Err: err}
	}
	defer func() {
		io.Copy(io.Discard, resp.Body) // read to the end: the connection can then be reused
		resp.Body.Close()
	}()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Status{URL: url, Code: resp.StatusCode, Err: fmt.Errorf("%s: %w: %s", url, ErrUnhealthy, resp.Status)}
	}
	return Status{URL: url, Code: resp.StatusCode}
}
