package limiter

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// testRedis is the Redis of one test: an in-process miniredis, or the real
// Redis at REDIS_URL when that is set. Every test uses keys under its own
// prefix, deleted when it ends.
type testRedis struct {
	rdb    *redis.Client
	prefix string
	mini   *miniredis.Miniredis // nil with a real Redis
	url    string               // REDIS_URL, or ""
}

func testNewRedis(t *testing.T) *testRedis {
	t.Helper()
	url := os.Getenv("REDIS_URL")
	r := &testRedis{prefix: fmt.Sprintf("test:%d:%x:", os.Getpid(), rand.Uint64()), url: url}
	if url == "" {
		r.mini = miniredis.RunT(t)
		r.rdb = redis.NewClient(&redis.Options{Addr: r.mini.Addr()})
		t.Cleanup(func() { r.rdb.Close() })
		return r
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatalf("REDIS_URL=%q: %v", url, err)
	}
	r.rdb = redis.NewClient(opts)
	if err := r.rdb.Ping(t.Context()).Err(); err != nil {
		r.rdb.Close()
		t.Fatalf("REDIS_URL=%q: PING: %v", url, err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		iter := r.rdb.Scan(ctx, 0, r.prefix+"*", 100).Iterator()
		for iter.Next(ctx) {
			r.rdb.Del(ctx, iter.Val())
		}
		r.rdb.Close()
	})
	return r
}

// client returns another client of the same Redis: another instance of the
// service.
func (r *testRedis) client(t *testing.T) *redis.Client {
	t.Helper()
	opts := &redis.Options{}
	if r.mini != nil {
		opts.Addr = r.mini.Addr()
	} else {
		var err error
		if opts, err = redis.ParseURL(r.url); err != nil {
			t.Fatalf("REDIS_URL=%q: %v", r.url, err)
		}
	}
	c := redis.NewClient(opts)
	t.Cleanup(func() { c.Close() })
	return c
}

// advance lets d pass for Redis: fake time in miniredis, a real wait
// otherwise.
func (r *testRedis) advance(d time.Duration) {
	if r.mini != nil {
		r.mini.FastForward(d)
		return
	}
	time.Sleep(d)
}

// testDeadRedis returns a client of a Redis that is no longer there.
func testDeadRedis(t *testing.T) *redis.Client {
	t.Helper()
	m := miniredis.NewMiniRedis()
	if err := m.Start(); err != nil {
		t.Fatalf("start miniredis: %v", err)
	}
	addr := m.Addr()
	m.Close()
	// go-redis logs each failed dial; the test expects them.
	redis.SetLogger(testQuietLogger{})
	c := redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1, DialerRetries: 1, DialTimeout: time.Second})
	t.Cleanup(func() { c.Close() })
	return c
}

type testQuietLogger struct{}

func (testQuietLogger) Printf(context.Context, string, ...any) {}
