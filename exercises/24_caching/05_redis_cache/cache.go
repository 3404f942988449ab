// Exercise: a cache in Redis, shared by every instance of a service.
//
// Cache[T] keeps values of type T in Redis as JSON, under the key
// prefix+key (the prefix keeps apart the keys of different caches: "user:",
// "session:"…):
//
//   - Set stores v, encoded with encoding/json, and makes Redis delete it
//     after the cache's ttl (SET key value EX seconds: go-redis's Set with an
//     expiration does that). A cache key without expiry lives forever.
//   - Get returns the value, true and nil when the key is there. A key that
//     is not there (or has expired) is a miss: the zero T, false, nil. go-redis
//     reports it as the error redis.Nil: that is not a failure.
//   - Every other problem (Redis unreachable, a value that is not valid JSON
//     for T) is returned as an error, so the caller can tell "not cached"
//     from "the cache is broken".
//
// As written, Set stores values forever and Get reports a miss as an error.
// You are done when `backendlings run redis_cache` passes. The tests run
// against an in-process Redis (miniredis), or against a real one when the
// environment variable REDIS_URL is set (redis://127.0.0.1:6379/0).
package rediscache

import (
	"context"
	"encoding/json"
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
		return err
	}
	return c.rdb.Set(ctx, c.prefix+key, b, 0).Err()
}

// Get returns the value stored under key, and whether there was one.
func (c *Cache[T]) Get(ctx context.Context, key string) (T, bool, error) {
	var v T
	b, err := c.rdb.Get(ctx, c.prefix+key).Bytes()
	if err != nil {
		return v, false, err
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return v, false, err
	}
	return v, true, nil
}
