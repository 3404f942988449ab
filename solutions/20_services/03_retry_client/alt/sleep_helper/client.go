// Uses errors.As to find a client error, keeps the backoff in a doubling variable, and waits in a sleep helper with time.NewTimer.
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
		HTTP:        &http.Client{Timeout: 5 * time.Second},
		MaxAttempts: 4,
		BaseDelay:   100 * time.Millisecond,
		MaxDelay:    2 * time.Second,
	}
}

// Get fetches url, retrying as the package comment says.
func (c *Client) Get(ctx context.Context, url string) ([]byte, error) {
	delay := c.BaseDelay
	var err error
	for attempt := 1; attempt <= max(c.MaxAttempts, 1); attempt++ {
		if attempt > 1 {
			var wait time.Duration
			wait, delay = c.next(err, delay)
			if err := sleep(ctx, wait); err != nil {
				return nil, fmt.Errorf("get %s: %w", url, err)
			}
		}
		var body []byte
		body, retryAfter, tryErr := c.try(ctx, url)
		if tryErr == nil {
			return body, nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return nil, fmt.Errorf("get %s: %w", url, ctxErr)
		}
		err = &attemptError{err: tryErr, retryAfter: retryAfter}
		var se *StatusError
		if errors.As(tryErr, &se) && se.Code >= 400 && se.Code < 500 && se.Code != http.StatusTooManyRequests {
			return nil, fmt.Errorf("get %s: %w", url, tryErr)
		}
	}
	return nil, fmt.Errorf("get %s: giving up: %w", url, err)
}

// attemptError is a failed attempt and the wait its server asked for.
type attemptError struct {
	err        error
	retryAfter time.Duration
}

func (e *attemptError) Error() string { return e.err.Error() }
func (e *attemptError) Unwrap() error { return e.err }

// next returns the wait before the next attempt, and the backoff after it.
func (c *Client) next(err error, delay time.Duration) (time.Duration, time.Duration) {
	d := min(delay, c.MaxDelay)
	following := min(2*d, c.MaxDelay)
	if ae, ok := err.(*attemptError); ok && ae.retryAfter > 0 {
		return ae.retryAfter, following
	}
	jitter := c.Jitter
	if jitter == nil {
		jitter = func(d time.Duration) time.Duration { return d/2 + rand.N(d-d/2+1) }
	}
	return jitter(d), following
}

// sleep waits d, or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
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
