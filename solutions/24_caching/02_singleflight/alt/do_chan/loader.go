// Alternative: singleflight's DoChan, so a caller whose context ends stops
// waiting, with the values in a sync.Map.
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
	load   LoadFunc
	flight singleflight.Group
	values sync.Map // string → string
}

// New returns an empty cache in front of load.
func New(load LoadFunc) *Cache {
	return &Cache{load: load}
}

// Get returns the value of key, from the cache or from one call of load.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	if v, ok := c.values.Load(key); ok {
		return v.(string), nil
	}
	ch := c.flight.DoChan(key, func() (any, error) {
		// The load outlives any one caller: it must not stop when the
		// first caller goes away.
		v, err := c.load(context.WithoutCancel(ctx), key)
		if err == nil {
			c.values.Store(key, v)
		}
		return v, err
	})
	select {
	case r := <-ch:
		if r.Err != nil {
			return "", r.Err
		}
		return r.Val.(string), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
