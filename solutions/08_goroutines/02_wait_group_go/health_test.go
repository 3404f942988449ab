package health

import (
	"errors"
	"fmt"
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
			t.Fatalf("goroutines started by Down were still running after it returned (a goroutine leak): Down must wait until every check has finished")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var testErrDown = errors.New("connection refused")

// testHost describes one fake host: how long its check takes and whether it fails.
type testHost struct {
	name string
	took time.Duration
	down bool
}

// testFakeNet is a check function over fake hosts; it counts the checks.
type testFakeNet struct {
	hosts map[string]testHost
	mu    sync.Mutex
	calls map[string]int
}

func testNewFakeNet(hosts []testHost) *testFakeNet {
	n := &testFakeNet{hosts: map[string]testHost{}, calls: map[string]int{}}
	for _, h := range hosts {
		n.hosts[h.name] = h
	}
	return n
}

func (n *testFakeNet) check(name string) error {
	n.mu.Lock()
	n.calls[name]++
	n.mu.Unlock()
	h := n.hosts[name]
	time.Sleep(h.took)
	if h.down {
		return fmt.Errorf("check %s: %w", name, testErrDown)
	}
	return nil
}

func TestDown(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name  string
		hosts []testHost
		want  []string
	}{
		{"no hosts", nil, nil},
		{"all up", []testHost{{"a", 10 * ms, false}, {"b", 20 * ms, false}}, nil},
		{"one down", []testHost{{"a", 10 * ms, false}, {"b", 20 * ms, true}, {"c", 5 * ms, false}}, []string{"b"}},
		{"slowest down host first", []testHost{
			{"db", 300 * ms, true}, {"api", 100 * ms, false}, {"cache", 200 * ms, true}, {"queue", 50 * ms, true},
		}, []string{"db", "cache", "queue"}},
		{"all down", []testHost{{"x", 30 * ms, true}, {"y", 20 * ms, true}, {"z", 10 * ms, true}}, []string{"x", "y", "z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				var names []string
				for _, h := range tt.hosts {
					names = append(names, h.name)
				}
				got := Down(names, testNewFakeNet(tt.hosts).check)
				if !slices.Equal(got, tt.want) {
					t.Errorf("Down(%q) = %q, want %q (the failing hosts, in the order of hosts)", names, got, tt.want)
				}
			})
		})
	}
}

func TestDownRunsConcurrently(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		var hosts []testHost
		var names []string
		for i := range 6 {
			name := fmt.Sprintf("host%d", i)
			hosts = append(hosts, testHost{name, 100 * time.Millisecond, i%2 == 0})
			names = append(names, name)
		}
		start := time.Now()
		Down(names, testNewFakeNet(hosts).check)
		took := time.Since(start)
		switch {
		case took < 100*time.Millisecond:
			t.Errorf("Down of 6 hosts whose checks take 100ms each returned after %v, before the checks were done: wg.Wait must wait for every check", took)
		case took > 100*time.Millisecond:
			t.Errorf("Down of 6 hosts whose checks take 100ms each took %v, want 100ms: run all the checks at the same time and return when the last one is done", took)
		}
	})
}

func TestDownChecksEachHostOnce(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		hosts := []testHost{{"a", time.Second, true}, {"b", 0, false}, {"c", 2 * time.Second, false}}
		n := testNewFakeNet(hosts)
		Down([]string{"a", "b", "c"}, n.check)
		n.mu.Lock()
		defer n.mu.Unlock()
		for _, h := range hosts {
			if n.calls[h.name] != 1 {
				t.Errorf("Down checked %q %d times, want once", h.name, n.calls[h.name])
			}
		}
	})
}
