// Alternative: found values and missing keys in two separate maps, each
// holding its deadline; an RWMutex for the reads.
package negcache

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrNotFound is wrapped by the errors of a lookup of a missing key.
var ErrNotFound = errors.New("not found")

// LoadFunc looks key up in the slow source.
type LoadFunc func(ctx context.Context, key string) (string, error)

type found struct {
	value string
	until time.Time
}

// Cache is a read-through cache that also remembers missing keys.
type Cache struct {
	load            LoadFunc
	hitTTL, missTTL time.Duration
	mu              sync.RWMutex
	hits            map[string]found
	missingUntil    map[string]time.Time
}

// New returns an empty cache in front of load.
func New(load LoadFunc, ttl, notFoundTTL time.Duration) *Cache {
	return &Cache{
		load: load, hitTTL: ttl, missTTL: notFoundTTL,
		hits: map[string]found{}, missingUntil: map[string]time.Time{},
	}
}

// Get returns the value of key, or an error wrapping ErrNotFound.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	now := time.Now()
	c.mu.RLock()
	h, hit := c.hits[key]
	until, missing := c.missingUntil[key]
	c.mu.RUnlock()
	if hit && now.Before(h.until) {
		return h.value, nil
	}
	if missing && now.Before(until) {
		return "", fmt.Errorf("%s (cached): %w", key, ErrNotFound)
	}

	v, err := c.load(ctx, key)
	switch {
	case errors.Is(err, ErrNotFound):
		c.mu.Lock()
		delete(c.hits, key)
		c.missingUntil[key] = time.Now().Add(c.missTTL)
		c.mu.Unlock()
		return "", err
	case err != nil:
		return "", err
	}
	c.mu.Lock()
	delete(c.missingUntil, key)
	c.hits[key] = found{v, time.Now().Add(c.hitTTL)}
	c.mu.Unlock()
	return v, nil
}
