// Alternative: each entry keeps when it was stored and whether it is a
// miss; its age is compared with the matching ttl on every read.
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

type record struct {
	val      string
	err      error // non-nil: the key was not found
	storedAt time.Time
}

// Cache is a read-through cache that also remembers missing keys.
type Cache struct {
	sync.Mutex
	load        LoadFunc
	ttl, negTTL time.Duration
	records     map[string]record
}

// New returns an empty cache in front of load.
func New(load LoadFunc, ttl, notFoundTTL time.Duration) *Cache {
	return &Cache{load: load, ttl: ttl, negTTL: notFoundTTL, records: make(map[string]record)}
}

func (c *Cache) fresh(r record) bool {
	life := c.ttl
	if r.err != nil {
		life = c.negTTL
	}
	return time.Since(r.storedAt) < life
}

// Get returns the value of key, or an error wrapping ErrNotFound.
func (c *Cache) Get(ctx context.Context, key string) (string, error) {
	c.Lock()
	r, ok := c.records[key]
	c.Unlock()
	if ok && c.fresh(r) {
		return r.val, r.err
	}
	v, err := c.load(ctx, key)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return "", err
	}
	c.Lock()
	c.records[key] = record{val: v, err: err, storedAt: time.Now()}
	c.Unlock()
	return v, err
}
