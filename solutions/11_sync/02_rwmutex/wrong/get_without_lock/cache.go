// Wrong: Get reads the map without any lock ("it only reads"), so it can
// overlap a Set: a data race.
// Cache is read far more often than it is written, yet every method takes
// the exclusive lock, so readers wait for each other. Keep the field mu (a
// sync.RWMutex; the tests use it) and take the read lock (RLock/RUnlock) in
// the methods that only read; keep the write lock for Set.
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
