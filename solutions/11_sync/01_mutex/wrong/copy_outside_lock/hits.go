// Wrong: Snapshot takes the lock only to fetch the map and copies it after
// releasing the lock, so the copy reads the map while Inc writes it.
package hits

import "sync"

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
	defer c.mu.Unlock()
	return c.counts[page]
}

// Snapshot returns the hits of every page, in a map the caller may keep and
// change without affecting the Counter.
func (c *Counter) Snapshot() map[string]int {
	c.mu.Lock()
	counts := c.counts
	c.mu.Unlock()
	snap := make(map[string]int, len(counts))
	for page, n := range counts {
		snap[page] = n
	}
	return snap
}
