// Alternative: the commands spelled out with Do (SET key value EX seconds,
// GET key), the reply read with Text.
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

// New returns a cache whose keys start with prefix and live for ttl.
func New[T any](rdb *redis.Client, prefix string, ttl time.Duration) *Cache[T] {
	return &Cache[T]{rdb, prefix, ttl}
}

// Set stores v under key for the cache's ttl.
func (c *Cache[T]) Set(ctx context.Context, key string, v T) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	secs := max(1, int64(c.ttl/time.Second))
	return c.rdb.Do(ctx, "SET", c.prefix+key, string(data), "EX", secs).Err()
}

// Get returns the value stored under key, and whether there was one.
func (c *Cache[T]) Get(ctx context.Context, key string) (T, bool, error) {
	var zero, v T
	text, err := c.rdb.Do(ctx, "GET", c.prefix+key).Text()
	if errors.Is(err, redis.Nil) {
		return zero, false, nil
	}
	if err != nil {
		return zero, false, fmt.Errorf("get %q: %w", key, err)
	}
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return zero, false, fmt.Errorf("decode %q: %w", key, err)
	}
	return v, true, nil
}
