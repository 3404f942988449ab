// Guards the map with a sync.RWMutex (read lock for Get and Snapshot) and copies it by hand.
package hits

import "sync"

// Counter counts hits per page. Its methods are safe for concurrent use.
type Counter struct {
	mu     sync.RWMutex
	counts map[string]int
}

// NewCounter returns an empty Counter.
func NewCounter() *Counter {
	return &Counter{counts: make(map[string]int)}
}

// Inc adds one hit for page.
func (c *Counter) Inc(page string) {
	c.mu.Lock()
	c.counts[page]++
	c.mu.Unlock()
}

// Get returns the number of hits for page (0 if it has none).
func (c *Counter) Get(page string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.counts[page]
}

// Snapshot returns the hits of every page, in a map the caller may keep and
// change without affecting the Counter.
func (c *Counter) Snapshot() map[string]int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	result := make(map[string]int, len(c.counts))
	for page, n := range c.counts {
		result[page] = n
	}
	return result
}
