package kv

import "testing"

// testKvStore is the method set a CountingStore must offer.
type testKvStore interface {
	Set(key, value string)
	Get(key string) (string, bool)
	Delete(key string)
	Len() int
}

// testNoPanic runs f and turns a panic into a test failure that says what
// panicked, instead of crashing every test.
func testNoPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s panicked: %v (is the zero value of CountingStore ready to use?)", what, r)
		}
	}()
	f()
}

func TestPromotedMethods(t *testing.T) {
	var c CountingStore
	testNoPanic(t, `var c CountingStore; c.Set("a", "1")`, func() { c.Set("a", "1") })
	c.Set("b", "2")
	if n := c.Len(); n != 2 {
		t.Errorf("after Set of two keys, Len() = %d, want 2", n)
	}
	c.Delete("a")
	if n := c.Len(); n != 1 {
		t.Errorf("after Delete(%q), Len() = %d, want 1", "a", n)
	}
	if v, ok := c.Get("b"); !ok || v != "2" {
		t.Errorf(`Get("b") = (%q, %v), want ("2", true)`, v, ok)
	}
}

func TestGetCounts(t *testing.T) {
	var c CountingStore
	testNoPanic(t, `var c CountingStore; c.Set("user:1", "Ada")`, func() { c.Set("user:1", "Ada") })

	steps := []struct {
		key        string
		wantValue  string
		wantOK     bool
		wantHits   int
		wantMisses int
	}{
		{"user:1", "Ada", true, 1, 0},
		{"user:2", "", false, 1, 1},
		{"user:1", "Ada", true, 2, 1},
		{"", "", false, 2, 2},
	}
	for _, s := range steps {
		v, ok := c.Get(s.key)
		if v != s.wantValue || ok != s.wantOK {
			t.Errorf("Get(%q) = (%q, %v), want (%q, %v)", s.key, v, ok, s.wantValue, s.wantOK)
		}
		if c.Hits != s.wantHits || c.Misses != s.wantMisses {
			t.Fatalf("after Get(%q): Hits = %d, Misses = %d, want Hits = %d, Misses = %d",
				s.key, c.Hits, c.Misses, s.wantHits, s.wantMisses)
		}
	}

	c.Delete("user:1")
	if _, ok := c.Get("user:1"); ok {
		t.Errorf(`after Delete("user:1"), Get("user:1") still finds it`)
	}
	if c.Hits != 2 || c.Misses != 3 {
		t.Errorf(`a Get of a deleted key: Hits = %d, Misses = %d, want Hits = 2, Misses = 3`, c.Hits, c.Misses)
	}
}

func TestCountingStoreThroughInterface(t *testing.T) {
	c := &CountingStore{}
	var s testKvStore = c // a *CountingStore has all four methods
	testNoPanic(t, `Set through an interface`, func() { s.Set("k", "v") })
	if v, ok := s.Get("k"); !ok || v != "v" {
		t.Errorf(`Get("k") through an interface = (%q, %v), want ("v", true)`, v, ok)
	}
	s.Get("nope")
	if c.Hits != 1 || c.Misses != 1 {
		t.Errorf("Get called through an interface: Hits = %d, Misses = %d, want 1 and 1 (the interface must reach CountingStore's own Get)", c.Hits, c.Misses)
	}
}
