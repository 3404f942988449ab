// Wrong: loads go through singleflight, but the value is never stored, so
// every Get that comes later loads again.
package loader

import (
	"context"

	"golang.org/x/sync/singleflight"
)

// LoadFunc fetches the value of key from the slow source.
type LoadFunc func(ctx context.Context, key string) (string, error)

// Cache is a read-through cache in front of a LoadFunc.
type Cache struct {
	load  LoadFunc
	group singleflight.Group
}

// New returns an empty cache in front of load.
func New(load LoadFunc) *Cache {
	return &Cache{load: load}
}

// Get returns the value of key, from the cache or from one call of load.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	v, err, _ := c.group.Do(key, func() (any, error) {
		v, err := c.load(ctx, key)
		if err != nil {
			return "", err // shared with every waiter, never stored
		}
		return v, nil
	})
	if err != nil {
		return "", err
	}
	return v.(string), nil
}
