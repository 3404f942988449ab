// Alternative: a hand-written circular doubly linked list with a sentinel
// node instead of container/list; expired entries are unlinked on Get.
package lru

import (
	"sync"
	"time"
)

type node[K comparable, V any] struct {
	prev, next *node[K, V]
	key        K
	val        V
	deadline   time.Time
}

// Cache is a least-recently-used cache whose entries expire.
type Cache[K comparable, V any] struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	root  node[K, V] // root.next is the most recent, root.prev the least
	nodes map[K]*node[K, V]
}

// New returns an empty cache of at most capacity entries, each kept for at
// most ttl.
func New[K comparable, V any](capacity int, ttl time.Duration) *Cache[K, V] {
	c := &Cache[K, V]{max: capacity, ttl: ttl, nodes: map[K]*node[K, V]{}}
	c.root.next, c.root.prev = &c.root, &c.root
	return c
}

func (c *Cache[K, V]) unlink(n *node[K, V]) {
	n.prev.next, n.next.prev = n.next, n.prev
}

func (c *Cache[K, V]) pushFront(n *node[K, V]) {
	n.prev, n.next = &c.root, c.root.next
	c.root.next.prev = n
	c.root.next = n
}

// Get returns the fresh value stored under key.
func (c *Cache[K, V]) Get(key K) (v V, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.nodes[key]
	switch {
	case n == nil:
		return v, false
	case time.Now().Compare(n.deadline) >= 0:
		c.unlink(n)
		delete(c.nodes, key)
		return v, false
	}
	c.unlink(n)
	c.pushFront(n)
	return n.val, true
}

// Set stores value under key.
func (c *Cache[K, V]) Set(key K, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.nodes[key]
	if n != nil {
		c.unlink(n)
	} else {
		if len(c.nodes) == c.max {
			lru := c.root.prev
			c.unlink(lru)
			delete(c.nodes, lru.key)
		}
		n = &node[K, V]{key: key}
		c.nodes[key] = n
	}
	n.val, n.deadline = value, time.Now().Add(c.ttl)
	c.pushFront(n)
}
