package cache

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testPatience is how long a test waits for a call that should return at once.
// A correct Cache returns in microseconds; only a wrong one waits this long.
const testPatience = time.Second

// testReturnsWithin runs f in a goroutine and reports whether it returned
// within d. The goroutine is left to finish on its own.
func testReturnsWithin(d time.Duration, f func()) (returned bool, wait func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
		return true, func() {}
	case <-time.After(d):
		return false, func() { <-done }
	}
}

func TestCacheGetSet(t *testing.T) {
	c := New()
	if v, ok := c.Get("a"); ok || v != "" {
		t.Errorf("empty cache: Get(%q) = %q, %v; want \"\", false", "a", v, ok)
	}
	if n := c.Len(); n != 0 {
		t.Errorf("empty cache: Len() = %d, want 0", n)
	}
	c.Set("a", "1")
	c.Set("b", "2")
	c.Set("a", "3")
	if v, ok := c.Get("a"); !ok || v != "3" {
		t.Errorf("after Set(a,1), Set(b,2), Set(a,3): Get(%q) = %q, %v; want \"3\", true", "a", v, ok)
	}
	if v, ok := c.Get("b"); !ok || v != "2" {
		t.Errorf("after Set(b,2): Get(%q) = %q, %v; want \"2\", true", "b", v, ok)
	}
	if n := c.Len(); n != 2 {
		t.Errorf("after setting keys a, b, a: Len() = %d, want 2", n)
	}
}

// TestReadersShareTheLock holds the read lock, as a long-running reader
// would, and checks that Get and Len still return: readers do not wait for
// each other.
func TestReadersShareTheLock(t *testing.T) {
	c := New()
	c.Set("k", "v")
	for _, tc := range []struct {
		name string
		call func()
	}{
		{"Get", func() { c.Get("k") }},
		{"Len", func() { c.Len() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.mu.RLock()
			ok, wait := testReturnsWithin(testPatience, tc.call)
			c.mu.RUnlock()
			wait()
			if !ok {
				t.Errorf("%s did not return while another reader held the read lock (c.mu.RLock): it takes the exclusive Lock, so readers queue up behind each other; use c.mu.RLock() and c.mu.RUnlock() in methods that only read", tc.name)
			}
		})
	}
}

// TestSetWaitsForReaders holds the read lock and checks that Set does not
// change the map until the readers are gone.
func TestSetWaitsForReaders(t *testing.T) {
	c := New()
	c.mu.RLock()
	ok, wait := testReturnsWithin(100*time.Millisecond, func() { c.Set("k", "v") })
	c.mu.RUnlock()
	wait()
	if ok {
		t.Fatalf("Set returned while another goroutine held the read lock: a writer must take the exclusive lock (c.mu.Lock), which waits until every reader has called RUnlock")
	}
	if v, _ := c.Get("k"); v != "v" {
		t.Errorf("after Set(%q, %q): Get(%q) = %q, want %q", "k", "v", "k", v, "v")
	}
}

// TestCacheConcurrentUse runs many readers and a few writers at once; the
// race detector (the tests run with -race) reports any access to the map
// that is not under the right lock.
func TestCacheConcurrentUse(t *testing.T) {
	const writers, readers = 4, 16
	c := New()
	start := make(chan struct{}) // released together, so the calls overlap
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			<-start
			for i := range 2000 {
				c.Set(fmt.Sprintf("key%d", i%10), fmt.Sprintf("w%d-%d", w, i))
			}
		})
	}
	for range readers {
		wg.Go(func() {
			<-start
			for i := range 500 {
				if v, ok := c.Get(fmt.Sprintf("key%d", i%10)); ok && v == "" {
					t.Errorf("Get returned an empty value marked present")
					return
				}
				if n := c.Len(); n > 10 {
					t.Errorf("Len() = %d while only 10 keys are ever set", n)
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()
	if n := c.Len(); n != 10 {
		t.Errorf("after concurrent Sets of key0..key9: Len() = %d, want 10", n)
	}
}

// TestReadsWhileSetting runs one goroutine calling Set and one calling Get
// and Len, released together so that they overlap; the race detector
// reports any read of the map that is not under the lock.
func TestReadsWhileSetting(t *testing.T) {
	const rounds = 3000
	c := New()
	var ready atomic.Int64
	wait := func() {
		ready.Add(1)
		for ready.Load() < 2 {
			runtime.Gosched()
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		wait()
		for i := range rounds {
			c.Set(fmt.Sprintf("key%d", i%16), fmt.Sprint(i))
		}
	})
	wg.Go(func() {
		wait()
		for i := range rounds {
			c.Get(fmt.Sprintf("key%d", i%16))
			c.Len()
		}
	})
	wg.Wait()
	if n := c.Len(); n != 16 {
		t.Errorf("after Sets of key0..key15: Len() = %d, want 16", n)
	}
}
