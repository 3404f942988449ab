package background

import (
	"fmt"
	"sync"
)

type result struct {
	status int
	body   string
}

// ANCHOR: claim
// keys remembers each Idempotency-Key: which request first used it, and
// its answer once there is one.
type keys struct {
	mu   sync.Mutex
	seen map[string]*keyState
}

type keyState struct {
	fingerprint string  // what the first request asked for
	answer      *result // nil while it is still being processed
}

// claim looks key up and, if it is new, takes it, in one critical
// section. Two requests with the same key cannot both get first == true.
func (k *keys) claim(key, fingerprint string) (s *keyState, first bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if s, ok := k.seen[key]; ok {
		return s, false
	}
	s = &keyState{fingerprint: fingerprint}
	k.seen[key] = s
	return s, true
}

// ANCHOR_END: claim

func Example_claim() {
	k := &keys{seen: map[string]*keyState{}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	firsts := 0
	for range 50 { // 50 copies of one request at once
		wg.Go(func() {
			if _, first := k.claim("7f3a", "card=4242&amount=1500"); first {
				mu.Lock()
				firsts++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	fmt.Println("charged", firsts, "time(s)")
	// Output: charged 1 time(s)
}
