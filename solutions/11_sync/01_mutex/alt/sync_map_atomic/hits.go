// Uses a sync.Map of *atomic.Int64 counters instead of a mutex around a plain map.
package hits

import (
	"sync"
	"sync/atomic"
)

// Counter counts hits per page. Its methods are safe for concurrent use.
type Counter struct {
	counts sync.Map // page -> *atomic.Int64
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	return &Counter{}
}

// Inc adds one hit for page.
func (c *Counter) Inc(page string) {
	n, ok := c.counts.Load(page)
	if !ok {
		n, _ = c.counts.LoadOrStore(page, new(atomic.Int64))
	}
	n.(*atomic.Int64).Add(1)
}

// Get returns the number of hits for page (0 if it has none).
func (c *Counter) Get(page string) int {
	n, ok := c.counts.Load(page)
	if !ok {
		return 0
	}
	return int(n.(*atomic.Int64).Load())
}

// Snapshot returns the hits of every page, in a map the caller may keep and
// change without affecting the Counter.
func (c *Counter) Snapshot() map[string]int {
	snap := map[string]int{}
	c.counts.Range(func(page, n any) bool {
		snap[page.(string)] = int(n.(*atomic.Int64).Load())
		return true
	})
	return snap
}
