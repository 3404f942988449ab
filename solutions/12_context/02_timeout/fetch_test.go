package fetch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble: time is fake (sleeps and timeouts
// pass at once, exactly), and goroutines still blocked when f ends are a
// leak. The bubble's reports become ordinary failures that say so.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: lookup answered late, and the goroutine that ran it was still blocked when the test ended (sending its answer on a channel nobody reads any more?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the call never returned; it and the goroutines it started were all blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var testErrTestNotFound = errors.New("not found")

// testSlowLookup returns a lookup that answers value (or err) after d.
func testSlowLookup(d time.Duration, value string, err error) func(string) (string, error) {
	return func(string) (string, error) {
		time.Sleep(d)
		return value, err
	}
}

// testLetLateLookupsFinish lets a late lookup finish, so that a goroutine
// blocked on its answer shows up as a leak when the bubble ends.
func testLetLateLookupsFinish() {
	time.Sleep(time.Hour)
	synctest.Wait()
}

type testFetchCase struct {
	name    string
	timeout time.Duration // for Fetch
	lookup  func(string) (string, error)
	wantVal string
	wantErr error
	after   time.Duration // when the call must return
}

func TestFetch(t *testing.T) {
	for _, c := range []testFetchCase{
		{"answers in time", 2 * time.Second, testSlowLookup(time.Second, "v1", nil), "v1", nil, time.Second},
		{"lookup fails in time", 2 * time.Second, testSlowLookup(time.Second, "", testErrTestNotFound), "", testErrTestNotFound, time.Second},
		{"lookup too slow", 2 * time.Second, testSlowLookup(5*time.Second, "v1", nil), "", context.DeadlineExceeded, 2 * time.Second},
		{"lookup fails too late", time.Second, testSlowLookup(3*time.Second, "", testErrTestNotFound), "", context.DeadlineExceeded, time.Second},
		{"zero timeout", 0, testSlowLookup(time.Second, "v1", nil), "", context.DeadlineExceeded, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				start := time.Now()
				got, err := Fetch(context.Background(), c.timeout, "k", c.lookup)
				testCheckFetch(t, fmt.Sprintf("Fetch(ctx, %v, %q, lookup)", c.timeout, "k"), c, got, err, time.Since(start))
				testLetLateLookupsFinish()
			})
		})
	}
}

func testCheckFetch(t *testing.T, call string, c testFetchCase, got string, err error, elapsed time.Duration) {
	t.Helper()
	switch {
	case c.wantErr == nil && (err != nil || got != c.wantVal):
		t.Errorf("%s = %q, %v; want %q, nil", call, got, err, c.wantVal)
	case c.wantErr != nil && !errors.Is(err, c.wantErr):
		t.Errorf("%s = %q, %v; want an error wrapping %q (errors.Is)", call, got, err, c.wantErr)
	}
	if elapsed != c.after {
		t.Errorf("%s returned after %v, want %v", call, elapsed, c.after)
	}
}

func TestFetchBy(t *testing.T) {
	for _, c := range []testFetchCase{
		{"answers before the deadline", 2 * time.Second, testSlowLookup(time.Second, "v1", nil), "v1", nil, time.Second},
		{"deadline passes first", 2 * time.Second, testSlowLookup(5*time.Second, "v1", nil), "", context.DeadlineExceeded, 2 * time.Second},
		{"deadline already passed", -time.Second, testSlowLookup(time.Second, "v1", nil), "", context.DeadlineExceeded, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				start := time.Now()
				deadline := start.Add(c.timeout)
				got, err := FetchBy(context.Background(), deadline, "k", c.lookup)
				when := fmt.Sprintf("now+%v", c.timeout)
				if c.timeout < 0 {
					when = fmt.Sprintf("now-%v", -c.timeout)
				}
				testCheckFetch(t, fmt.Sprintf("FetchBy(ctx, %s, %q, lookup)", when, "k"), c, got, err, time.Since(start))
				testLetLateLookupsFinish()
			})
		})
	}
}

// TestFetchRespectsCaller checks that the caller's context still counts:
// its cancellation, and its deadline when that comes first.
func TestFetchRespectsCaller(t *testing.T) {
	t.Run("caller cancels", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(500*time.Millisecond, cancel)
			start := time.Now()
			got, err := Fetch(ctx, 5*time.Second, "k", testSlowLookup(3*time.Second, "v1", nil))
			testCheckFetch(t, "Fetch(ctx cancelled at 0.5s, 5s, ...) with a 3s lookup",
				testFetchCase{wantErr: context.Canceled, after: 500 * time.Millisecond}, got, err, time.Since(start))
			testLetLateLookupsFinish()
		})
	})
	t.Run("caller's deadline is sooner", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			start := time.Now()
			got, err := Fetch(ctx, 5*time.Second, "k", testSlowLookup(3*time.Second, "v1", nil))
			testCheckFetch(t, "Fetch(ctx with 1s timeout, 5s, ...) with a 3s lookup",
				testFetchCase{wantErr: context.DeadlineExceeded, after: time.Second}, got, err, time.Since(start))
			testLetLateLookupsFinish()
		})
	})
	t.Run("FetchBy: caller cancels", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(500*time.Millisecond, cancel)
			start := time.Now()
			got, err := FetchBy(ctx, start.Add(5*time.Second), "k", testSlowLookup(3*time.Second, "v1", nil))
			testCheckFetch(t, "FetchBy(ctx cancelled at 0.5s, now+5s, ...) with a 3s lookup",
				testFetchCase{wantErr: context.Canceled, after: 500 * time.Millisecond}, got, err, time.Since(start))
			testLetLateLookupsFinish()
		})
	})
}
