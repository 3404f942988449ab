// Releases the read lock explicitly after copying the result, without defer.
package cache

import "sync"

// Cache maps keys to values. Its methods are safe for concurrent use.
type Cache struct {
	mu    sync.RWMutex // guards items
	items map[string]string
}

// New returns an empty Cache.
func New() *Cache {
	return &Cache{items: make(map[string]string)}
}

// Get returns the value stored for key and whether there is one.
func (c *Cache) Get(key string) (string, bool) {
	c.mu.RLock()
	v, ok := c.items[key]
	c.mu.RUnlock()
	return v, ok
}

// Len returns the number of keys stored.
func (c *Cache) Len() int {
	c.mu.RLock()
	n := len(c.items)
	c.mu.RUnlock()
	return n
}

// Set stores value for key, replacing any earlier value.
func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	c.items[key] = value
	c.mu.Unlock()
}
