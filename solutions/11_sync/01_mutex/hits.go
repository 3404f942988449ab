// Counter is shared by every request handler of a server, so many goroutines
// call its methods at once. As written it has a data race: guard the map with
// a sync.Mutex (lock in every method that touches it), and make Snapshot
// return a copy so callers never share the map with the Counter.
package hits

import (
	"maps"
	"sync"
)

// Counter counts hits per page. Its methods are safe for concurrent use.
type Counter struct {
	mu     sync.Mutex // guards counts
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
	defer c.mu.Unlock()
	return c.counts[page]
}

// Snapshot returns the hits of every page, in a map the caller may keep and
// change without affecting the Counter.
func (c *Counter) Snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.counts)
}
