// Alternative: SetEx for the write, redis.Nil compared directly, and the
// JSON decoded with a json.Decoder over the reply.
package rediscache

import (
	"bytes"
	"context"
	"encoding/json"
	"time"

	"github.com/redis/go-redis/v9"
)

// Cache stores values of type T in Redis.
type Cache[T any] struct {
	client    *redis.Client
	namespace string
	expiry    time.Duration
}

// New returns a cache whose keys start with prefix and live for ttl.
func New[T any](rdb *redis.Client, prefix string, ttl time.Duration) *Cache[T] {
	return &Cache[T]{client: rdb, namespace: prefix, expiry: ttl}
}

func (c *Cache[T]) key(k string) string { return c.namespace + k }

// Set stores v under key for the cache's ttl.
func (c *Cache[T]) Set(ctx context.Context, key string, v T) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return err
	}
	return c.client.SetEx(ctx, c.key(key), buf.Bytes(), c.expiry).Err()
}

// Get returns the value stored under key, and whether there was one.
func (c *Cache[T]) Get(ctx context.Context, key string) (v T, found bool, err error) {
	raw, err := c.client.Get(ctx, c.key(key)).Bytes()
	switch {
	case err == redis.Nil:
		return v, false, nil
	case err != nil:
		return v, false, err
	}
	if err := json.NewDecoder(bytes.NewReader(raw)).Decode(&v); err != nil {
		return v, false, err
	}
	return v, true, nil
}
