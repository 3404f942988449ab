package loader

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f with fake time: the slow loads below take exactly one
// second of fake time, at once.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if msg := fmt.Sprint(r); strings.Contains(msg, "blocked goroutines remain") ||
				strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("a goroutine was left blocked when the test ended: %s", msg)
			}
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var testErrBackend = errors.New("backend unavailable")

// testSource is a slow backend that counts its loads per key. The first
// failFirst loads of every key fail with testErrBackend.
type testSource struct {
	failFirst int

	mu    sync.Mutex
	loads map[string]int
}

func (s *testSource) load(_ context.Context, key string) (string, error) {
	s.mu.Lock()
	s.loads[key]++
	n := s.loads[key]
	s.mu.Unlock()
	time.Sleep(time.Second)
	if n <= s.failFirst {
		return "", fmt.Errorf("load %s: %w", key, testErrBackend)
	}
	return "value of " + key, nil
}

func (s *testSource) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loads[key]
}

type testResult struct {
	v   string
	err error
}

// testGetAll calls c.Get for each key at the same moment, each in its own
// goroutine, and returns the results in order.
func testGetAll(c *Cache, keys ...string) []testResult {
	res := make([]testResult, len(keys))
	var wg sync.WaitGroup
	for i, k := range keys {
		wg.Go(func() {
			v, err := c.Get(context.Background(), k)
			res[i] = testResult{v, err}
		})
	}
	wg.Wait()
	return res
}

func TestConcurrentMissesLoadOnce(t *testing.T) {
	for _, n := range []int{2, 10, 50} {
		t.Run(fmt.Sprintf("%d callers", n), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				src := &testSource{loads: map[string]int{}}
				c := New(src.load)
				keys := make([]string, n)
				for i := range keys {
					keys[i] = "hot"
				}
				for i, r := range testGetAll(c, keys...) {
					if r.v != "value of hot" || r.err != nil {
						t.Errorf("caller %d: Get(hot) = %q, %v; want %q, nil", i, r.v, r.err, "value of hot")
					}
				}
				if got := src.count("hot"); got != 1 {
					t.Errorf("%d concurrent Get(hot) on an empty cache called load %d times, want 1 (the callers that miss together must share one load)", n, got)
				}
			})
		})
	}
}

func TestValueIsKept(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		src := &testSource{loads: map[string]int{}}
		c := New(src.load)
		for i := range 3 {
			if v, err := c.Get(context.Background(), "a"); v != "value of a" || err != nil {
				t.Errorf("Get(a) #%d = %q, %v; want %q, nil", i+1, v, err, "value of a")
			}
		}
		if got := src.count("a"); got != 1 {
			t.Errorf("3 Get(a) one after another called load %d times, want 1 (a loaded value is kept)", got)
		}
	})
}

func TestKeysLoadIndependently(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		src := &testSource{loads: map[string]int{}}
		c := New(src.load)
		start := time.Now()
		res := testGetAll(c, "a", "b", "c", "a", "b", "c")
		took := time.Since(start)
		for i, k := range []string{"a", "b", "c", "a", "b", "c"} {
			if want := "value of " + k; res[i].v != want || res[i].err != nil {
				t.Errorf("concurrent Get(%s) = %q, %v; want %q, nil", k, res[i].v, res[i].err, want)
			}
		}
		for _, k := range []string{"a", "b", "c"} {
			if got := src.count(k); got != 1 {
				t.Errorf("two concurrent Get(%s) called load(%s) %d times, want 1", k, k, got)
			}
		}
		if took != time.Second {
			t.Errorf("concurrent Gets of keys a, b and c, each a 1s load, took %v; want 1s (loads of different keys must not wait for each other)", took)
		}
	})
}

func TestErrorsAreSharedNotKept(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		src := &testSource{failFirst: 1, loads: map[string]int{}}
		c := New(src.load)
		for i, r := range testGetAll(c, "k", "k", "k", "k", "k") {
			if !errors.Is(r.err, testErrBackend) {
				t.Errorf("caller %d: Get(k) while the load fails = %q, %v; want an error wrapping %q", i, r.v, r.err, testErrBackend)
			}
		}
		if got := src.count("k"); got != 1 {
			t.Errorf("5 concurrent Get(k) called load %d times while it failed, want 1 (waiters share the failed load's error)", got)
		}
		v, err := c.Get(context.Background(), "k")
		if v != "value of k" || err != nil {
			t.Errorf("after a failed load, the next Get(k) = %q, %v; want %q, nil (errors must not be kept: the next Get loads again)", v, err, "value of k")
		}
		if got := src.count("k"); got != 2 {
			t.Errorf("after a failed load, the next Get(k) made it %d loads in all, want 2", got)
		}
	})
}
