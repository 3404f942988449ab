// Exercise: a cache that forgets.
//
// Cache[K, V] holds at most capacity entries, each for at most ttl:
//
//   - Set(key, value) stores value under key (replacing an old value) and
//     makes key the most recently used. When a new key would make the cache
//     hold more than capacity entries, the least recently used entry is
//     evicted first.
//   - Get(key) returns the value and true while the entry is fresh, and makes
//     key the most recently used. An entry set at time t expires at t+ttl:
//     from then on Get returns the zero value and false (and may drop it).
//     Setting a key again starts its ttl afresh.
//   - Many goroutines call Get and Set at once: guard the state with a lock.
//
// Read the time with time.Now. The cache below is a plain map: it never
// evicts, never expires and is not safe for concurrent use. Fix it; you are
// done when `backendlings run lru_ttl` passes (the tests run with -race).
package lru

import "time"

// Cache is a least-recently-used cache whose entries expire.
type Cache[K comparable, V any] struct {
	capacity int
	ttl      time.Duration
	items    map[K]V
}

// New returns an empty cache of at most capacity entries (capacity >= 1),
// each kept for at most ttl.
func New[K comparable, V any](capacity int, ttl time.Duration) *Cache[K, V] {
	return &Cache[K, V]{capacity: capacity, ttl: ttl, items: make(map[K]V)}
}

// Get returns the fresh value stored under key.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	v, ok := c.items[key]
	return v, ok
}

// Set stores value under key.
func (c *Cache[K, V]) Set(key K, value V) {
	c.items[key] = value
}
