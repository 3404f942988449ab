package health

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble, where a deadlock or a leaked
// goroutine is reported at once instead of hanging the test, and turns
// that report into an ordinary failure.
func testRunBubble(t *testing.T, backends []string, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("CheckAll(%s) never returned: every goroutine was blocked forever (a deadlock). "+
					"A send on an unbuffered channel waits for a receiver; a receive, or a range loop, waits for a value or a close", testList(backends))
			}
			t.Fatalf("CheckAll(%s) returned but left goroutines blocked (a leak): %v", testList(backends), msg)
		}
	}()
	synctest.Test(t, f)
}

// testList shows a list of backends in a message, shortened when long.
func testList(backends []string) string {
	if len(backends) > 6 {
		return fmt.Sprintf("[%d backends: %q ...]", len(backends), backends[:3])
	}
	return fmt.Sprintf("%q", backends)
}

// testErrDown is what the fake check returns for backends named "...down...".
var testErrDown = errors.New("connection refused")

func testFakeCheck(backend string) error {
	if strings.Contains(backend, "down") {
		return fmt.Errorf("%s: %w", backend, testErrDown)
	}
	return nil
}

func TestCheckAllReturnsEveryResult(t *testing.T) {
	many := make([]string, 50)
	for i := range many {
		many[i] = fmt.Sprintf("replica-%02d", i)
	}
	many[7] = "replica-07-down"
	tests := []struct {
		name     string
		backends []string
	}{
		{"no backends", nil},
		{"one healthy backend", []string{"postgres"}},
		{"one backend down", []string{"redis-down"}},
		{"three backends, one down", []string{"postgres", "redis-down", "payments"}},
		{"fifty backends", many},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, tt.backends, func(t *testing.T) {
				got := CheckAll(tt.backends, testFakeCheck)
				if len(got) != len(tt.backends) {
					t.Errorf("CheckAll(%s) returned %d results, want %d: %v", testList(tt.backends), len(got), len(tt.backends), got)
				}
				for _, b := range tt.backends {
					err, ok := got[b]
					switch {
					case !ok:
						t.Errorf("CheckAll(%s): no result for %q", testList(tt.backends), b)
					case strings.Contains(b, "down") && !errors.Is(err, testErrDown):
						t.Errorf("CheckAll(%s)[%q] = %v, want the error check returned (%v)", testList(tt.backends), b, err, testFakeCheck(b))
					case !strings.Contains(b, "down") && err != nil:
						t.Errorf("CheckAll(%s)[%q] = %v, want nil (healthy)", testList(tt.backends), b, err)
					}
				}
			})
		})
	}
}

func TestCheckAllRunsChecksConcurrently(t *testing.T) {
	backends := []string{"postgres", "redis", "payments", "search", "mail", "billing-down"}
	testRunBubble(t, backends, func(t *testing.T) {
		slowCheck := func(b string) error {
			time.Sleep(time.Second) // each check takes one (fake) second
			return testFakeCheck(b)
		}
		start := time.Now()
		got := CheckAll(backends, slowCheck)
		if elapsed := time.Since(start); elapsed != time.Second {
			t.Errorf("CheckAll of %d backends whose checks take 1s each took %v, want 1s: the checks must run at the same time, not one after another", len(backends), elapsed)
		}
		if len(got) != len(backends) {
			t.Errorf("CheckAll(%s) returned %d results, want %d: %v", testList(backends), len(got), len(backends), got)
		}
	})
}
