// Alternative: no list at all; every entry carries a use-counter stamp and
// eviction scans the map for the smallest one (O(n), but simple).
package lru

import (
	"sync"
	"time"
)

type item[V any] struct {
	value   V
	lastUse uint64
	setAt   time.Time
}

// Cache is a least-recently-used cache whose entries expire.
type Cache[K comparable, V any] struct {
	lock  sync.Mutex
	cap   int
	ttl   time.Duration
	clock uint64
	items map[K]*item[V]
}

// New returns an empty cache of at most capacity entries, each kept for at
// most ttl.
func New[K comparable, V any](capacity int, ttl time.Duration) *Cache[K, V] {
	return &Cache[K, V]{cap: capacity, ttl: ttl, items: make(map[K]*item[V], capacity)}
}

func (c *Cache[K, V]) tick() uint64 {
	c.clock++
	return c.clock
}

// Get returns the fresh value stored under key.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	c.lock.Lock()
	defer c.lock.Unlock()
	it, found := c.items[key]
	if found && time.Since(it.setAt) >= c.ttl {
		delete(c.items, key)
		found = false
	}
	if !found {
		var zero V
		return zero, false
	}
	it.lastUse = c.tick()
	return it.value, true
}

// Set stores value under key.
func (c *Cache[K, V]) Set(key K, value V) {
	c.lock.Lock()
	defer c.lock.Unlock()
	if _, found := c.items[key]; !found && len(c.items) >= c.cap {
		var victim K
		oldest := ^uint64(0)
		for k, it := range c.items {
			if it.lastUse < oldest {
				victim, oldest = k, it.lastUse
			}
		}
		delete(c.items, victim)
	}
	c.items[key] = &item[V]{value: value, lastUse: c.tick(), setAt: time.Now()}
}
