// Keeps the number of keys in an atomic.Int64 that Set updates, so Len takes no lock at all.
package cache

import (
	"sync"
	"sync/atomic"
)

// Cache maps keys to values. Its methods are safe for concurrent use.
type Cache struct {
	mu    sync.RWMutex // guards items
	items map[string]string
	n     atomic.Int64 // len(items)
}

// New returns an empty Cache.
func New() *Cache {
	return &Cache{items: make(map[string]string)}
}

// Get returns the value stored for key and whether there is one.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.items[key]
	return v, ok
}

// Len returns the number of keys stored.
func (c *Cache) Len() int {
	return int(c.n.Load())
}

// Set stores value for key, replacing any earlier value.
func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; !ok {
		c.n.Add(1)
	}
	c.items[key] = value
}
