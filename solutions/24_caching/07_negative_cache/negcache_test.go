package negcache

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

// testBubble runs f with fake time.
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

var testErrDown = errors.New("lookup service down")

// testSource knows the keys in items; it fails with testErrDown while down.
type testSource struct {
	mu    sync.Mutex
	items map[string]string
	down  bool
	loads map[string]int
}

func testNewSource(items map[string]string) *testSource {
	return &testSource{items: items, loads: map[string]int{}}
}

func (s *testSource) load(_ context.Context, key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.loads[key]++
	if s.down {
		return "", fmt.Errorf("look up %s: %w", key, testErrDown)
	}
	v, ok := s.items[key]
	if !ok {
		return "", fmt.Errorf("look up %s: %w", key, ErrNotFound)
	}
	return v, nil
}

func (s *testSource) set(key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[key] = value
}

func (s *testSource) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loads[key]
}

func TestFoundIsCached(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		src := testNewSource(map[string]string{"pen": "blue"})
		c := New(src.load, time.Hour, 5*time.Second)
		for range 3 {
			if v, err := c.Get(context.Background(), "pen"); v != "blue" || err != nil {
				t.Fatalf("Get(pen) = %q, %v; want %q, nil", v, err, "blue")
			}
		}
		if n := src.count("pen"); n != 1 {
			t.Errorf("3 Get(pen) in a row called load %d times, want 1", n)
		}
		time.Sleep(time.Hour)
		c.Get(context.Background(), "pen")
		if n := src.count("pen"); n != 2 {
			t.Errorf("ttl 1h: Get(pen) 1h after it was loaded made it %d loads in all, want 2 (expired, loaded again)", n)
		}
	})
}

func TestNotFoundIsCached(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		src := testNewSource(map[string]string{})
		c := New(src.load, time.Hour, 5*time.Second)
		for i := range 5 {
			v, err := c.Get(context.Background(), "ghost")
			if !errors.Is(err, ErrNotFound) {
				t.Fatalf("Get(ghost) #%d, a missing key = %q, %v; want an error wrapping ErrNotFound", i+1, v, err)
			}
		}
		if n := src.count("ghost"); n != 1 {
			t.Errorf("5 Get(ghost) in a row, ghost missing, called load %d times, want 1 (remember that it is not found)", n)
		}
	})
}

func TestNotFoundExpires(t *testing.T) {
	tests := []struct {
		after     time.Duration // since the not-found answer
		wantValue bool
	}{
		{4 * time.Second, false},
		{5 * time.Second, true},
		{time.Minute, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.after), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				src := testNewSource(map[string]string{})
				c := New(src.load, time.Hour, 5*time.Second)
				if _, err := c.Get(context.Background(), "new"); !errors.Is(err, ErrNotFound) {
					t.Fatalf("Get(new) while new is missing: err = %v, want ErrNotFound", err)
				}
				src.set("new", "created")
				time.Sleep(tt.after)
				v, err := c.Get(context.Background(), "new")
				switch {
				case tt.wantValue && (v != "created" || err != nil):
					t.Errorf("notFoundTTL 5s, ttl 1h: Get(new) missing, new created, %v later Get(new) = %q, %v; want %q, nil (the not-found answer has expired)", tt.after, v, err, "created")
				case !tt.wantValue && !errors.Is(err, ErrNotFound):
					t.Errorf("notFoundTTL 5s: Get(new) missing, new created, %v later Get(new) = %q, %v; want ErrNotFound still (remembered for 5s)", tt.after, v, err)
				}
			})
		})
	}
}

func TestOtherErrorsAreNotCached(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		src := testNewSource(map[string]string{"pen": "blue"})
		c := New(src.load, time.Hour, 5*time.Second)
		src.down = true
		if v, err := c.Get(context.Background(), "pen"); !errors.Is(err, testErrDown) {
			t.Fatalf("Get(pen) while the source is down = %q, %v; want its error %q", v, err, testErrDown)
		}
		src.mu.Lock()
		src.down = false
		src.mu.Unlock()
		if v, err := c.Get(context.Background(), "pen"); v != "blue" || err != nil {
			t.Errorf("Get(pen) fails (source down), the source comes back, Get(pen) = %q, %v; want %q, nil (only not-found answers are kept, not other errors)", v, err, "blue")
		}
	})
}

func TestConcurrentUse(t *testing.T) {
	src := testNewSource(map[string]string{"a": "1", "b": "2"})
	c := New(src.load, time.Hour, time.Hour)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				key := []string{"a", "b", "ghost"}[(g+i)%3]
				c.Get(context.Background(), key)
			}
		})
	}
	wg.Wait()
	if v, err := c.Get(context.Background(), "a"); v != "1" || err != nil {
		t.Errorf("after concurrent use, Get(a) = %q, %v; want %q, nil", v, err, "1")
	}
}
