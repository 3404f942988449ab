package lru

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f with fake time: time.Sleep returns at once and
// time.Now moves by exactly the time slept.
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

// testGet describes the result of c.Get(key) as "value" or "miss".
func testGet(c *Cache[string, int], key string) string {
	if v, ok := c.Get(key); ok {
		return fmt.Sprint(v)
	}
	return "miss"
}

func TestGetSet(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		c := New[string, int](3, time.Minute)
		if got := testGet(c, "a"); got != "miss" {
			t.Errorf("empty cache: Get(a) = %s, want miss", got)
		}
		c.Set("a", 1)
		c.Set("b", 2)
		c.Set("a", 10)
		for key, want := range map[string]string{"a": "10", "b": "2", "c": "miss"} {
			if got := testGet(c, key); got != want {
				t.Errorf("after Set(a, 1), Set(b, 2), Set(a, 10): Get(%s) = %s, want %s", key, got, want)
			}
		}
	})
}

func TestEviction(t *testing.T) {
	tests := []struct {
		name  string
		steps []string // "set k" or "get k"
		want  map[string]string
	}{
		{
			name:  "the oldest entry goes when the cache is full",
			steps: []string{"set a", "set b", "set c", "set d"},
			want:  map[string]string{"a": "miss", "b": "b", "c": "c", "d": "d"},
		},
		{
			name:  "Get makes an entry recently used",
			steps: []string{"set a", "set b", "set c", "get a", "set d"},
			want:  map[string]string{"a": "a", "b": "miss", "c": "c", "d": "d"},
		},
		{
			name:  "Set of an existing key makes it recently used",
			steps: []string{"set a", "set b", "set c", "set a", "set d"},
			want:  map[string]string{"a": "a", "b": "miss", "c": "c", "d": "d"},
		},
		{
			name:  "Set of an existing key evicts nothing",
			steps: []string{"set a", "set b", "set c", "set c", "set b"},
			want:  map[string]string{"a": "a", "b": "b", "c": "c"},
		},
		{
			name:  "several evictions in order of use",
			steps: []string{"set a", "set b", "set c", "get b", "get a", "set d", "set e"},
			want:  map[string]string{"a": "a", "b": "miss", "c": "miss", "d": "d", "e": "e"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				c := New[string, string](3, time.Hour)
				for _, s := range tt.steps {
					op, key, _ := strings.Cut(s, " ")
					if op == "set" {
						c.Set(key, key)
					} else {
						c.Get(key)
					}
				}
				// Read the entries we expect gone first: reading a present
				// one must not change what the others show.
				for _, wantGone := range []bool{true, false} {
					for key, want := range tt.want {
						if (want == "miss") != wantGone {
							continue
						}
						got := "miss"
						if v, ok := c.Get(key); ok {
							got = v
						}
						if got != want {
							t.Errorf("capacity 3, after %s: Get(%s) = %s, want %s", strings.Join(tt.steps, ", "), key, got, want)
						}
					}
				}
			})
		})
	}
}

func TestExpiry(t *testing.T) {
	tests := []struct {
		name  string
		after time.Duration // since Set
		want  string
	}{
		{"just before ttl", 10*time.Second - time.Millisecond, "1"},
		{"at ttl", 10 * time.Second, "miss"},
		{"long after ttl", time.Hour, "miss"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				c := New[string, int](3, 10*time.Second)
				c.Set("a", 1)
				time.Sleep(tt.after)
				if got := testGet(c, "a"); got != tt.want {
					t.Errorf("ttl 10s: Set(a, 1), %v later Get(a) = %s, want %s", tt.after, got, tt.want)
				}
			})
		})
	}
	t.Run("an expired entry stays expired after other writes", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			c := New[string, int](10, 10*time.Second)
			c.Set("a", 1)
			time.Sleep(11 * time.Second)
			if got := testGet(c, "a"); got != "miss" {
				t.Errorf("ttl 10s: Set(a, 1), 11s later Get(a) = %s, want miss (expired)", got)
			}
			c.Set("b", 2)
			if got := testGet(c, "a"); got != "miss" {
				t.Errorf("ttl 10s: Set(a, 1), 11s later Set(b, 2), then Get(a) = %s, want miss (expired)", got)
			}
		})
	})
	t.Run("Get does not extend the ttl", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			c := New[string, int](3, 10*time.Second)
			c.Set("a", 1)
			time.Sleep(6 * time.Second)
			c.Get("a")
			time.Sleep(6 * time.Second)
			if got := testGet(c, "a"); got != "miss" {
				t.Errorf("ttl 10s: Set(a, 1) at 0s, Get(a) at 6s, Get(a) at 12s = %s, want miss", got)
			}
		})
	})
	t.Run("Set again starts the ttl afresh", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			c := New[string, int](3, 10*time.Second)
			c.Set("a", 1)
			time.Sleep(6 * time.Second)
			c.Set("a", 2)
			time.Sleep(6 * time.Second)
			if got := testGet(c, "a"); got != "2" {
				t.Errorf("ttl 10s: Set(a, 1) at 0s, Set(a, 2) at 6s, Get(a) at 12s = %s, want 2", got)
			}
		})
	})
}

func TestConcurrentUse(t *testing.T) {
	c := New[string, int](8, time.Minute)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("Get and Set called from 4 goroutines at once: panic: %v", r)
				}
			}()
			for i := range 20 {
				key := fmt.Sprint((g + i) % 12)
				c.Set(key, i)
				c.Get(fmt.Sprint(i % 12))
			}
		})
	}
	wg.Wait()
	n := 0
	for i := range 12 {
		if _, ok := c.Get(fmt.Sprint(i)); ok {
			n++
		}
	}
	if n > 8 {
		t.Errorf("capacity 8, after concurrent Sets of 12 keys: %d keys found, want at most 8", n)
	}
}
