// Wrong: SET without an expiry; cached values live in Redis forever.
package rediscache

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Cache stores values of type T in Redis.
type Cache[T any] struct {
	rdb    *redis.Client
	prefix string
	ttl    time.Duration
}

// New returns a cache whose keys start with prefix and live for ttl (at
// least one second).
func New[T any](rdb *redis.Client, prefix string, ttl time.Duration) *Cache[T] {
	return &Cache[T]{rdb: rdb, prefix: prefix, ttl: ttl}
}

// Set stores v under key for the cache's ttl.
func (c *Cache[T]) Set(ctx context.Context, key string, v T) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("cache set %s: %w", key, err)
	}
	// A positive expiration makes go-redis send SET key value EX seconds.
	if err := c.rdb.Set(ctx, c.prefix+key, b, 0).Err(); err != nil {
		return fmt.Errorf("cache set %s: %w", key, err)
	}
	return nil
}

// Get returns the value stored under key, and whether there was one.
func (c *Cache[T]) Get(ctx context.Context, key string) (T, bool, error) {
	var v T
	b, err := c.rdb.Get(ctx, c.prefix+key).Bytes()
	if errors.Is(err, redis.Nil) {
		return v, false, nil // a miss, not a failure
	}
	if err != nil {
		return v, false, fmt.Errorf("cache get %s: %w", key, err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return v, false, fmt.Errorf("cache get %s: %w", key, err)
	}
	return v, true, nil
}
