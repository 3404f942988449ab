// Wrong: a failed load is remembered and returned forever, so one outage
// of the backend poisons the key until restart.
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
	errs   map[string]error
}

// New returns an empty cache in front of load.
func New(load LoadFunc) *Cache {
	return &Cache{load: load, values: make(map[string]string), errs: make(map[string]error)}
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
	c.mu.Lock()
	err, failed := c.errs[key]
	c.mu.Unlock()
	if failed {
		return "", err
	}
	v, err, _ := c.group.Do(key, func() (any, error) {
		// A caller that missed just after the last load finished finds
		// the value here instead of loading again.
		if v, ok := c.cached(key); ok {
			return v, nil
		}
		v, err := c.load(ctx, key)
		if err != nil {
			c.mu.Lock()
			c.errs[key] = err
			c.mu.Unlock()
			return "", err
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
