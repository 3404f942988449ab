package rediscache

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

type testItem struct {
	Name string `json:"name"`
	Qty  int    `json:"qty"`
}

func TestSetGet(t *testing.T) {
	r := testNewRedis(t)
	c := New[testItem](r.rdb, r.prefix+"item:", time.Minute)
	pen := testItem{Name: "pen", Qty: 3}
	if err := c.Set(t.Context(), "a", pen); err != nil {
		t.Fatalf("Set(a, %+v) = %v, want nil", pen, err)
	}
	got, ok, err := c.Get(t.Context(), "a")
	if got != pen || !ok || err != nil {
		t.Errorf("Set(a, %+v), then Get(a) = %+v, %v, %v; want %+v, true, nil", pen, got, ok, err, pen)
	}
	// Another instance of the service reads what this one cached.
	other := New[testItem](r.client(t), r.prefix+"item:", time.Minute)
	if got, ok, err := other.Get(t.Context(), "a"); got != pen || !ok || err != nil {
		t.Errorf("Get(a) through another client of the same Redis = %+v, %v, %v; want %+v, true, nil", got, ok, err, pen)
	}
}

func TestStoredAsJSON(t *testing.T) {
	r := testNewRedis(t)
	c := New[testItem](r.rdb, r.prefix+"item:", time.Minute)
	if err := c.Set(t.Context(), "a", testItem{Name: "pen", Qty: 3}); err != nil {
		t.Fatalf("Set: %v", err)
	}
	key := r.prefix + "item:a"
	raw, err := r.rdb.Get(t.Context(), key).Result()
	if err != nil {
		t.Fatalf("Set(a, {pen 3}) with prefix %q: GET %s: %v; want the value under prefix+key", r.prefix+"item:", key, err)
	}
	var got map[string]any
	want := map[string]any{"name": "pen", "qty": 3.0}
	if err := json.Unmarshal([]byte(raw), &got); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Set(a, {Name: pen, Qty: 3}): Redis holds %q at %s; want the JSON {\"name\":\"pen\",\"qty\":3}", raw, key)
	}
}

func TestExpiry(t *testing.T) {
	r := testNewRedis(t)
	c := New[string](r.rdb, r.prefix, time.Minute)
	if err := c.Set(t.Context(), "k", "v"); err != nil {
		t.Fatalf("Set: %v", err)
	}
	ttl, err := r.rdb.TTL(t.Context(), r.prefix+"k").Result()
	if err != nil {
		t.Fatalf("TTL: %v", err)
	}
	if ttl < 55*time.Second || ttl > time.Minute {
		if ttl < 0 {
			t.Errorf("cache with ttl 1m: after Set(k), the key has no expiry in Redis (TTL -1); want about 1m")
		} else {
			t.Errorf("cache with ttl 1m: after Set(k), Redis reports TTL %v for the key; want about 1m", ttl)
		}
	}

	short := New[string](r.rdb, r.prefix+"short:", time.Second)
	if err := short.Set(t.Context(), "k", "v"); err != nil {
		t.Fatalf("Set: %v", err)
	}
	if _, ok, err := short.Get(t.Context(), "k"); !ok || err != nil {
		t.Fatalf("ttl 1s: Get(k) just after Set(k) = _, %v, %v; want true, nil", ok, err)
	}
	r.advance(1500 * time.Millisecond)
	if got, ok, err := short.Get(t.Context(), "k"); ok || err != nil || got != "" {
		t.Errorf("ttl 1s: Get(k) 1.5s after Set(k) = %q, %v, %v; want \"\", false, nil (expired)", got, ok, err)
	}
}

func TestMiss(t *testing.T) {
	r := testNewRedis(t)
	c := New[testItem](r.rdb, r.prefix, time.Minute)
	got, ok, err := c.Get(t.Context(), "nothing")
	if ok || err != nil || got != (testItem{}) {
		t.Errorf("Get(nothing) on an empty cache = %+v, %v, %v; want the zero value, false, nil (a miss is not an error)", got, ok, err)
	}
}

func TestErrors(t *testing.T) {
	t.Run("value that is not JSON", func(t *testing.T) {
		r := testNewRedis(t)
		c := New[testItem](r.rdb, r.prefix, time.Minute)
		if err := r.rdb.Set(t.Context(), r.prefix+"bad", "not json", time.Minute).Err(); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := c.Get(t.Context(), "bad"); err == nil || ok {
			t.Errorf("Get(bad) with %q stored = %+v, %v, %v; want false and an error", "not json", got, ok, err)
		}
	})
	t.Run("Redis unreachable", func(t *testing.T) {
		c := New[testItem](testDeadRedis(t), "p:", time.Minute)
		if got, ok, err := c.Get(t.Context(), "a"); err == nil || ok {
			t.Errorf("Get(a) with Redis down = %+v, %v, %v; want false and an error (not a plain miss)", got, ok, err)
		}
		if err := c.Set(t.Context(), "a", testItem{}); err == nil {
			t.Errorf("Set(a) with Redis down = nil, want an error")
		}
	})
}
