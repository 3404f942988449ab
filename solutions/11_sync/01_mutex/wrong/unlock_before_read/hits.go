// Wrong: Get takes the lock but releases it before it reads the map, so the
// read still races with Inc.
package hits

import (
	"maps"
	"sync"
)

// Counter counts hits per page. Its methods are safe for concurrent use.
type Counter struct {
	mu     sync.Mutex
	counts map[string]int
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	return &Counter{counts: make(map[string]int)}
}

// Inc adds one hit for page.
func (c *Counter) Inc(page string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.counts[page]++
}

// Get returns the number of hits for page (0 if it has none).
func (c *Counter) Get(page string) int {
	c.mu.Lock()
	c.mu.Unlock()
	return c.counts[page]
}

// Snapshot returns the hits of every page, in a map the caller may keep and
// change without affecting the Counter.
func (c *Counter) Snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.counts)
}
