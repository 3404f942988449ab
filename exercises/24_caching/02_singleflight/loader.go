// Exercise: one load for a crowd of misses.
//
// Cache keeps the values that a slow load function returns (a database
// query, a call to another service). When a popular key is missing, many
// requests miss it at the same moment; if each of them calls load, the slow
// backend gets a thundering herd of identical queries.
//
// Make Get call load at most once for all the callers that miss the same key
// at the same time (golang.org/x/sync/singleflight does exactly this): they
// all wait for that one load and get its value, or its error. A value is
// kept for later calls; an error is NOT kept: the next Get after a failed
// load tries again. Loads of different keys must not wait for each other.
//
// As written, every miss calls load. You are done when
// `backendlings run singleflight` passes (the tests run with -race).
package loader

import (
	"context"
	"sync"
)

// LoadFunc fetches the value of key from the slow source.
type LoadFunc func(ctx context.Context, key string) (string, error)

// Cache is a read-through cache in front of a LoadFunc.
type Cache struct {
	load LoadFunc

	mu     sync.Mutex
	values map[string]string
}

// New returns an empty cache in front of load.
func New(load LoadFunc) *Cache {
	return &Cache{load: load, values: make(map[string]string)}
}

// Get returns the value of key, from the cache or from one call of load.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	c.mu.Lock()
	v, ok := c.values[key]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := c.load(ctx, key)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	c.values[key] = v
	c.mu.Unlock()
	return v, nil
}
