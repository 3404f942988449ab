// Alternative: no singleflight package; a map of loads in flight, each with
// a channel closed when its result is ready, all under one mutex.
package loader

import (
	"context"
	"sync"
)

// LoadFunc fetches the value of key from the slow source.
type LoadFunc func(ctx context.Context, key string) (string, error)

type flight struct {
	done  chan struct{}
	value string
	err   error
}

// Cache is a read-through cache in front of a LoadFunc.
type Cache struct {
	load LoadFunc

	mu       sync.Mutex
	values   map[string]string
	inFlight map[string]*flight
}

// New returns an empty cache in front of load.
func New(load LoadFunc) *Cache {
	return &Cache{load: load, values: map[string]string{}, inFlight: map[string]*flight{}}
}

// Get returns the value of key, from the cache or from one call of load.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	c.mu.Lock()
	if v, ok := c.values[key]; ok {
		c.mu.Unlock()
		return v, nil
	}
	if f, ok := c.inFlight[key]; ok {
		c.mu.Unlock()
		<-f.done
		return f.value, f.err
	}
	f := &flight{done: make(chan struct{})}
	c.inFlight[key] = f
	c.mu.Unlock()

	f.value, f.err = c.load(ctx, key)

	c.mu.Lock()
	if f.err == nil {
		c.values[key] = f.value
	}
	delete(c.inFlight, key)
	c.mu.Unlock()
	close(f.done)
	return f.value, f.err
}
