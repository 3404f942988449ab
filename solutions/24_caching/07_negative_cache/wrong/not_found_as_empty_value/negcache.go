// Wrong: a missing key is cached as an empty value, so later Gets return
// "" and no error instead of ErrNotFound.
package negcache

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrNotFound is wrapped by the errors of a lookup of a missing key.
var ErrNotFound = errors.New("not found")

// LoadFunc looks key up in the slow source.
type LoadFunc func(ctx context.Context, key string) (string, error)

type entry struct {
	value    string
	notFound error // the load's error when the key is missing, or nil
	expires  time.Time
}

// Cache is a read-through cache that also remembers missing keys.
type Cache struct {
	load        LoadFunc
	ttl         time.Duration
	notFoundTTL time.Duration

	mu      sync.Mutex
	entries map[string]entry
}

// New returns an empty cache in front of load.
func New(load LoadFunc, ttl, notFoundTTL time.Duration) *Cache {
	return &Cache{load: load, ttl: ttl, notFoundTTL: notFoundTTL, entries: map[string]entry{}}
}

// Get returns the value of key, or an error wrapping ErrNotFound.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && time.Now().Before(e.expires) {
		return e.value, nil
	}
	v, err := c.load(ctx, key)
	if errors.Is(err, ErrNotFound) {
		c.mu.Lock()
		c.entries[key] = entry{expires: time.Now().Add(c.notFoundTTL)}
		c.mu.Unlock()
		return "", err
	}
	if err != nil {
		return "", err // not kept: the source may be back for the next call
	}
	c.mu.Lock()
	c.entries[key] = entry{value: v, expires: time.Now().Add(c.ttl)}
	c.mu.Unlock()
	return v, nil
}
