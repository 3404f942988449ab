package limiter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// testAllows calls Allow n times and returns the answers.
func testAllows(t *testing.T, l *Limiter, key string, n int) []bool {
	t.Helper()
	var got []bool
	for range n {
		ok, err := l.Allow(t.Context(), key)
		if err != nil {
			t.Fatalf("Allow(%s): %v", key, err)
		}
		got = append(got, ok)
	}
	return got
}

func TestAllow(t *testing.T) {
	r := testNewRedis(t)
	l := New(r.rdb, r.prefix, 3, time.Minute)
	want := []bool{true, true, true, false, false}
	if got := testAllows(t, l, "alice", 5); !slices.Equal(got, want) {
		t.Errorf("limit 3 per minute, 5 calls of Allow(alice) = %v, want %v", got, want)
	}
	if got := testAllows(t, l, "bob", 1); !got[0] {
		t.Errorf("after alice used her limit, Allow(bob) = false, want true (each key has its own counter)")
	}
}

func TestSharedAcrossInstances(t *testing.T) {
	r := testNewRedis(t)
	a := New(r.rdb, r.prefix, 4, time.Minute)
	b := New(r.client(t), r.prefix, 4, time.Minute)
	allowed := 0
	for i := range 10 {
		l := a
		if i%2 == 1 {
			l = b
		}
		ok, err := l.Allow(t.Context(), "alice")
		if err != nil {
			t.Fatalf("Allow(alice): %v", err)
		}
		if ok {
			allowed++
		}
	}
	if allowed != 4 {
		t.Errorf("two limiters over the same Redis, limit 4 per minute: 10 calls of Allow(alice), alternating between them, allowed %d; want 4 in all (the limit is shared, not per instance)", allowed)
	}
}

func TestWindow(t *testing.T) {
	r := testNewRedis(t)
	l := New(r.rdb, r.prefix, 2, time.Second)
	want := []bool{true, true, false}
	if got := testAllows(t, l, "alice", 3); !slices.Equal(got, want) {
		t.Fatalf("limit 2 per second, 3 calls of Allow(alice) = %v, want %v", got, want)
	}
	ttl, err := r.rdb.PTTL(t.Context(), r.prefix+"alice").Result()
	if err != nil {
		t.Fatalf("PTTL %salice: %v", r.prefix, err)
	}
	switch {
	case ttl == -2: // PTTL's reply for a missing key
		t.Errorf("limit 2 per second: after Allow(alice), there is no key %salice in Redis; want the counter there (prefix+key), expiring within 1s", r.prefix)
	case ttl == -1: // no expiry
		t.Errorf("limit 2 per second: after Allow(alice), the counter %salice has no expiry in Redis; want it to expire within 1s", r.prefix)
	case ttl <= 0 || ttl > time.Second:
		t.Errorf("limit 2 per second: after Allow(alice), the counter %salice expires in %v; want within 1s", r.prefix, ttl)
	}
	r.advance(1500 * time.Millisecond)
	if got := testAllows(t, l, "alice", 3); !slices.Equal(got, want) {
		t.Errorf("limit 2 per second: 1.5s after the first window, 3 calls of Allow(alice) = %v, want %v (a new window)", got, want)
	}
}

// testLostExpire fails every EXPIRE-like command sent on its own, as when
// the connection drops (or the instance dies) right after an INCR. Commands
// inside a script or a MULTI/EXEC transaction are not touched.
type testLostExpire struct{ dropped *atomic.Bool }

func (testLostExpire) DialHook(next redis.DialHook) redis.DialHook { return next }

func (h testLostExpire) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		switch strings.ToLower(cmd.Name()) {
		case "expire", "pexpire", "expireat", "pexpireat":
			h.dropped.Store(true)
			err := errors.New("connection lost")
			cmd.SetErr(err)
			return err
		}
		return next(ctx, cmd)
	}
}

func (testLostExpire) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}

func TestCounterAlwaysExpires(t *testing.T) {
	r := testNewRedis(t)
	flaky := r.client(t)
	var dropped atomic.Bool
	flaky.AddHook(testLostExpire{&dropped})
	l := New(flaky, r.prefix, 5, time.Minute)
	for range 3 {
		l.Allow(t.Context(), "alice") // errors are expected here
	}
	keys, err := r.rdb.Keys(t.Context(), r.prefix+"*").Result()
	if err != nil {
		t.Fatalf("KEYS: %v", err)
	}
	for _, k := range keys {
		ttl, err := r.rdb.PTTL(t.Context(), k).Result()
		if err != nil {
			t.Fatalf("PTTL %s: %v", k, err)
		}
		switch {
		case ttl < 0 && dropped.Load():
			t.Errorf("when an EXPIRE sent on its own after INCR is lost (the connection drops), the counter %s is left with no expiry, so it never resets; send INCR and the expiry together, atomically (MULTI/EXEC or a Lua script)", k)
		case ttl < 0:
			t.Errorf("after Allow, the counter %s has no expiry in Redis, so it never resets", k)
		}
	}
}

// testRequest sends GET / from ip:port through h.
func testRequest(h http.Handler, ip string, port int) int {
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.RemoteAddr = fmt.Sprintf("%s:%d", ip, port)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Code
}

func TestMiddleware(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	t.Run("two instances share the limit per client IP", func(t *testing.T) {
		r := testNewRedis(t)
		instances := []http.Handler{
			New(r.rdb, r.prefix, 3, time.Minute).Middleware(ok),
			New(r.client(t), r.prefix, 3, time.Minute).Middleware(ok),
		}
		var got []int
		for i := range 6 {
			got = append(got, testRequest(instances[i%2], "192.0.2.1", 40000+i))
		}
		want := []int{200, 200, 200, 429, 429, 429}
		if !slices.Equal(got, want) {
			t.Errorf("limit 3 per minute, 6 requests from 192.0.2.1 (each from another port) alternating between two instances: statuses %v, want %v", got, want)
		}
		if code := testRequest(instances[0], "192.0.2.2", 40000); code != 200 {
			t.Errorf("then a request from 192.0.2.2: status %d, want 200", code)
		}
	})
	t.Run("Redis down", func(t *testing.T) {
		h := New(testDeadRedis(t), "p:", 3, time.Minute).Middleware(ok)
		if code := testRequest(h, "192.0.2.1", 40000); code != http.StatusServiceUnavailable {
			t.Errorf("with Redis unreachable, a request: status %d, want 503", code)
		}
	})
}
