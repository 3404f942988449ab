package caching

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: expiry
// TTLMap keeps each value for ttl. Expiry is checked when an entry is read:
// an entry nobody reads again costs memory, not correctness.
type TTLMap[K comparable, V any] struct {
	ttl     time.Duration
	now     func() time.Time // time.Now, or a fake clock in tests
	mu      sync.Mutex
	entries map[K]ttlEntry[V]
}

type ttlEntry[V any] struct {
	value   V
	expires time.Time
}

func (m *TTLMap[K, V]) Set(key K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries[key] = ttlEntry[V]{v, m.now().Add(m.ttl)}
}

func (m *TTLMap[K, V]) Get(key K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[key]
	if !ok || !m.now().Before(e.expires) { // expired at exactly expires
		delete(m.entries, key)
		var zero V
		return zero, false
	}
	return e.value, true
}

// ANCHOR_END: expiry

func Example_expiry() {
	clock := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	m := &TTLMap[string, int]{
		ttl:     time.Minute,
		now:     func() time.Time { return clock },
		entries: map[string]ttlEntry[int]{},
	}
	m.Set("a", 1)
	clock = clock.Add(59 * time.Second)
	fmt.Println(m.Get("a"))
	clock = clock.Add(time.Second)
	fmt.Println(m.Get("a"))
	// Output:
	// 1 true
	// 0 false
}
