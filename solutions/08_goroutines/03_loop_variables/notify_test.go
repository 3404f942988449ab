package notify

import (
	"bufio"
	"fmt"
	"go/build/constraint"
	"go/version"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (sleeps are instant and
// exact), and goroutines still running when f ends are reported as a leak.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg := fmt.Sprint(r)
		switch {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutines started by NotifyAll were still running after it returned (a goroutine leak): NotifyAll must wait for all of them")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testRecorder is a send function that remembers who was notified.
type testRecorder struct {
	mu   sync.Mutex
	sent []string
	took time.Duration
}

func (r *testRecorder) send(user string) {
	time.Sleep(r.took)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sent = append(r.sent, user)
}

func TestNotifyAllNotifiesEveryUserOnce(t *testing.T) {
	tests := []struct {
		name  string
		users []string
		took  time.Duration
	}{
		{"no users", nil, 0},
		{"one user", []string{"ada"}, 0},
		{"five users", []string{"ada", "bob", "cy", "dee", "eve"}, 0},
		{"five slow sends", []string{"ada", "bob", "cy", "dee", "eve"}, time.Second},
		{"Unicode names", []string{"zoë", "jürgen", "ümit", "łucja"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				rec := &testRecorder{took: tt.took}
				NotifyAll(tt.users, rec.send)
				rec.mu.Lock()
				got := slices.Sorted(slices.Values(rec.sent))
				rec.mu.Unlock()
				want := slices.Sorted(slices.Values(tt.users))
				if !slices.Equal(got, want) {
					t.Errorf("NotifyAll(%q) notified %q (sorted), want each user exactly once: %q", tt.users, got, want)
				}
			})
		})
	}
}

func TestNotifyAllRunsConcurrently(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		users := []string{"ada", "bob", "cy", "dee"}
		rec := &testRecorder{took: time.Second}
		start := time.Now()
		NotifyAll(users, rec.send)
		if took := time.Since(start); took != time.Second {
			t.Errorf("NotifyAll of 4 users whose sends take 1s each took %v, want 1s: run the sends at the same time and wait for all of them", took)
		}
	})
}

// TestFileKeepsGo121LoopRules checks that every Go file of the exercise still
// carries a go:build line for a Go version before 1.22. Without it, the file
// gets the loop rules of the module's Go version, the bug disappears by
// itself, and the exercise teaches nothing.
func TestFileKeepsGo121LoopRules(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		v, err := testGoBuildVersion(name)
		if err != nil {
			t.Fatalf("reading %s: %v", name, err)
		}
		if v == "" || version.Compare(v, "go1.22") >= 0 {
			t.Errorf("%s must keep its line //go:build go1.21 above the package clause: it gives the file the loop rules of Go 1.21, where the bug exists. Fix the closure instead of removing the line.", name)
		}
	}
}

// testGoBuildVersion returns the minimum Go version the file's //go:build line
// requires ("" if there is none).
func testGoBuildVersion(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "package ") {
			break
		}
		if constraint.IsGoBuild(line) {
			expr, err := constraint.Parse(line)
			if err != nil {
				return "", err
			}
			return constraint.GoVersion(expr), nil
		}
	}
	return "", sc.Err()
}
