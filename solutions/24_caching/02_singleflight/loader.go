// Package loader is a read-through cache that loads each missing key once,
// however many callers miss it at the same time.
package loader

import (
	"context"
	"sync"

	"golang.org/x/sync/singleflight"
)

// LoadFunc fetches the value of key from the slow source.
type LoadFunc func(ctx context.Context, key string) (string, error)

// Cache is a read-through cache in front of a LoadFunc.
type Cache struct {
	load  LoadFunc
	group singleflight.Group

	mu     sync.Mutex
	values map[string]string
}

// New returns an empty cache in front of load.
func New(load LoadFunc) *Cache {
	return &Cache{load: load, values: make(map[string]string)}
}

func (c *Cache) cached(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.values[key]
	return v, ok
}

// Get returns the value of key, from the cache or from one call of load.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	if v, ok := c.cached(key); ok {
		return v, nil
	}
	v, err, _ := c.group.Do(key, func() (any, error) {
		// A caller that missed just after the last load finished finds
		// the value here instead of loading again.
		if v, ok := c.cached(key); ok {
			return v, nil
		}
		v, err := c.load(ctx, key)
		if err != nil {
			return "", err // shared with every waiter, never stored
		}
		c.mu.Lock()
		c.values[key] = v
		c.mu.Unlock()
		return v, nil
	})
	if err != nil {
		return "", err
	}
	return v.(string), nil
}
