// Wrong: Get releases the read lock before it reads the map, so the read
// races with Set.
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
	c.mu.RUnlock()
	v, ok := c.items[key]
	return v, ok
}

// Len returns the number of keys stored.
func (c *Cache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.items)
}

// Set stores value for key, replacing any earlier value.
func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = value
}
