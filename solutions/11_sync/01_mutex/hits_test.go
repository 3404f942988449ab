package hits

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

func TestCounterCounts(t *testing.T) {
	c := NewCounter()
	if got := c.Get("/"); got != 0 {
		t.Fatalf("new counter: Get(%q) = %d, want 0", "/", got)
	}
	for range 3 {
		c.Inc("/")
	}
	c.Inc("/about")
	for page, want := range map[string]int{"/": 3, "/about": 1, "/missing": 0} {
		if got := c.Get(page); got != want {
			t.Errorf("after Inc(\"/\") x3 and Inc(\"/about\"): Get(%q) = %d, want %d", page, got, want)
		}
	}
}

// TestCounterConcurrentUse runs Inc, Get and Snapshot from many goroutines at
// once. The totals alone can look right by luck; the race detector (the tests
// run with -race) reports any access to the map that is not under the lock.
func TestCounterConcurrentUse(t *testing.T) {
	const writers, incs = 16, 1000
	pages := []string{"/", "/login", "/cart", "/checkout"}
	c := NewCounter()

	start := make(chan struct{}) // released together, so the calls overlap
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			<-start
			for i := range incs {
				c.Inc(pages[(w+i)%len(pages)])
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			<-start
			for i := range 1000 {
				_ = c.Get("/cart")
				if i%2 != 0 {
					continue
				}
				total := 0
				for _, n := range c.Snapshot() {
					total += n
				}
				if total > writers*incs {
					t.Errorf("Snapshot counted %d hits while only %d Inc calls were made", total, writers*incs)
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()

	want := writers * incs / len(pages)
	for _, p := range pages {
		if got := c.Get(p); got != want {
			t.Errorf("%d goroutines x %d Inc calls spread over %d pages: Get(%q) = %d, want %d",
				writers, incs, len(pages), p, got, want)
		}
	}
}

func TestSnapshotIsACopy(t *testing.T) {
	t.Run("changing the snapshot leaves the counter alone", func(t *testing.T) {
		c := NewCounter()
		c.Inc("/")
		snap := c.Snapshot()
		snap["/"] = 100
		snap["/new"] = 1
		if got := c.Get("/"); got != 1 {
			t.Errorf("after snap[%q] = 100 on a snapshot: Get(%q) = %d, want 1: Snapshot must return a copy, not the Counter's own map", "/", "/", got)
		}
		if got := c.Get("/new"); got != 0 {
			t.Errorf("after snap[%q] = 1 on a snapshot: Get(%q) = %d, want 0: Snapshot must return a copy", "/new", "/new", got)
		}
	})
	t.Run("later hits do not change an old snapshot", func(t *testing.T) {
		c := NewCounter()
		c.Inc("/")
		snap := c.Snapshot()
		c.Inc("/")
		if got := snap["/"]; got != 1 {
			t.Errorf("snapshot taken after 1 hit, then Inc(%q) again: snapshot[%q] = %d, want 1", "/", "/", got)
		}
	})
	t.Run("snapshot holds every page", func(t *testing.T) {
		c := NewCounter()
		c.Inc("/a")
		c.Inc("/b")
		c.Inc("/b")
		got := c.Snapshot()
		if len(got) != 2 || got["/a"] != 1 || got["/b"] != 2 {
			t.Errorf("Snapshot() = %v, want map[/a:1 /b:2]", got)
		}
	})
	t.Run("snapshot of an empty counter can be written to", func(t *testing.T) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("writing to the snapshot of an empty counter panicked (%v): return an empty map, not nil", r)
			}
		}()
		snap := NewCounter().Snapshot()
		snap["/"] = 1
		if len(snap) != 1 {
			t.Errorf("snapshot of an empty counter: after one write it has %d entries, want 1", len(snap))
		}
	})
}

// TestReadsWhileIncrementing runs one goroutine calling Inc and one calling
// Get and Snapshot, released together so that they overlap; the race
// detector reports any read of the map that is not under the lock.
func TestReadsWhileIncrementing(t *testing.T) {
	const rounds = 3000
	c := NewCounter()
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
			c.Inc(fmt.Sprintf("/page%d", i%8))
		}
	})
	wg.Go(func() {
		wait()
		for range rounds {
			_ = c.Get("/page3")
			_ = c.Snapshot()
		}
	})
	wg.Wait()
	if got := c.Get("/page3"); got != rounds/8 {
		t.Errorf("after %d Inc calls spread over 8 pages: Get(%q) = %d, want %d", rounds, "/page3", got, rounds/8)
	}
}
