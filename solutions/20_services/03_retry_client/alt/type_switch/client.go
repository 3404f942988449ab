// Picks what to retry with a type switch on the error and waits with time.After in a select.
package retry

import (
	"context"
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
		HTTP:        &http.Client{Timeout: 15 * time.Second},
		MaxAttempts: 4,
		BaseDelay:   100 * time.Millisecond,
		MaxDelay:    2 * time.Second,
	}
}

// Get fetches url, retrying as the package comment says.
func (c *Client) Get(ctx context.Context, url string) ([]byte, error) {
	attempts := max(1, c.MaxAttempts)
	var last error
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("get %s: %w", url, err)
		}
		body, retryAfter, err := c.try(ctx, url)
		if err == nil {
			return body, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("get %s: %w", url, ctx.Err())
		}
		last = err
		switch e := err.(type) {
		case *StatusError:
			if e.Code < 500 && e.Code != http.StatusTooManyRequests {
				return nil, fmt.Errorf("get %s: %w", url, err)
			}
		}
		if attempt >= attempts {
			return nil, fmt.Errorf("get %s: %d attempts: %w", url, attempt, last)
		}
		wait := retryAfter
		if wait == 0 {
			wait = c.backoff(attempt)
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, fmt.Errorf("get %s: %w", url, ctx.Err())
		}
	}
}

// backoff is the wait after the attempt-th attempt failed.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.BaseDelay
	for range attempt - 1 {
		if d >= c.MaxDelay {
			break
		}
		d *= 2
	}
	d = min(d, c.MaxDelay)
	if c.Jitter != nil {
		return c.Jitter(d)
	}
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(d-half)+1))
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
