// Wrong: gives up only after MaxAttempts retries, one attempt more than MaxAttempts attempts.
// An HTTP client that retries, and knows when to give up. Get returns the
// body of a 2xx answer. It retries what may work a moment later (an error
// from c.HTTP, a 5xx answer, 429 Too Many Requests) and nothing else: any
// other 4xx says the request itself is wrong. Before attempt n+1 it waits
// BaseDelay × 2^(n-1), at most MaxDelay, passed through Jitter; after a
// 429 or 503 with "Retry-After: N" (seconds), it waits N seconds instead.
// After MaxAttempts attempts it returns an error wrapping the last one.
// When ctx ends, during an attempt or a wait, it returns at once with an
// error wrapping ctx.Err().
package retry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// StatusError is the error for an answer whose status is not 2xx.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("status %d %s", e.Code, http.StatusText(e.Code))
}

// Client gets URLs with retries.
type Client struct {
	HTTP        *http.Client // its Timeout limits each attempt
	MaxAttempts int          // attempts in all, the first one included
	BaseDelay   time.Duration
	MaxDelay    time.Duration
	// Jitter turns a backoff delay into the one waited. nil means "equal
	// jitter": a random duration between d/2 and d, so that clients that
	// failed together do not all come back at the same instant.
	Jitter func(d time.Duration) time.Duration
}

// NewClient returns a Client with settings for calls between services.
func NewClient() *Client {
	return &Client{
		HTTP:        &http.Client{Timeout: 10 * time.Second},
		MaxAttempts: 4,
		BaseDelay:   100 * time.Millisecond,
		MaxDelay:    2 * time.Second,
	}
}

// Get fetches url, retrying as the package comment says.
func (c *Client) Get(ctx context.Context, url string) ([]byte, error) {
	var last error
	for attempt := 1; ; attempt++ {
		body, retryAfter, err := c.try(ctx, url)
		if err == nil {
			return body, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("get %s: %w", url, context.Cause(ctx))
		}
		last = err
		if !retryable(err) || attempt > c.MaxAttempts {
			break
		}
		wait := retryAfter
		if wait == 0 {
			wait = c.backoff(attempt)
		}
		// Sleep, unless the caller gives up first.
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			return nil, fmt.Errorf("get %s: %w (after %d attempts, last: %w)", url, context.Cause(ctx), attempt, last)
		}
	}
	return nil, fmt.Errorf("get %s: giving up: %w", url, last)
}

// try makes one attempt. For a 429 or 503 with Retry-After, it also
// returns how long the server asks to wait.
func (c *Client) try(ctx context.Context, url string) ([]byte, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Read what is left (a little of it) so that the connection can
		// be reused for the next attempt.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		var wait time.Duration
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && secs >= 0 {
				wait = time.Duration(secs) * time.Second
			}
		}
		return nil, wait, &StatusError{Code: resp.StatusCode}
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, 0, err
	}
	return body, 0, nil
}

// retryable reports whether another attempt may succeed.
func retryable(err error) bool {
	var se *StatusError
	if !errors.As(err, &se) {
		return true // the network, a timeout: maybe better in a moment
	}
	return se.Code >= 500 || se.Code == http.StatusTooManyRequests
}

// backoff is the wait after the attempt-th attempt failed.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.BaseDelay
	for i := 1; i < attempt && d < c.MaxDelay; i++ {
		d *= 2
	}
	d = min(d, c.MaxDelay)
	if c.Jitter != nil {
		return c.Jitter(d)
	}
	return d/2 + rand.N(d/2+1)
}
