package syncdemo

import (
	"fmt"
	"sync"
)

// ANCHOR: flags
// Flags holds feature flags: read on every request, changed a few times a
// day. Readers share the lock; a writer has it alone.
type Flags struct {
	mu sync.RWMutex // guards on
	on map[string]bool
}

// Enabled may run in many goroutines at the same time.
func (f *Flags) Enabled(name string) bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.on[name]
}

// Set waits until no reader holds the lock, then excludes everyone.
func (f *Flags) Set(name string, on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.on == nil {
		f.on = make(map[string]bool)
	}
	f.on[name] = on
}

// ANCHOR_END: flags

func ExampleFlags() {
	var f Flags
	f.Set("new-checkout", true)

	var wg sync.WaitGroup
	results := make([]bool, 8)
	for i := range results {
		wg.Go(func() { results[i] = f.Enabled("new-checkout") })
	}
	wg.Wait()
	fmt.Println(results)
	// Output: [true true true true true true true true]
}

// ANCHOR: upgrade
// Deadlocks: a goroutine holding the read lock asks for the write lock,
// which waits for every reader to leave, itself included.
func (f *Flags) enableOnceBroken(name string) {
	f.mu.RLock()
	defer f.mu.RUnlock()
	if !f.on[name] {
		f.mu.Lock() // waits forever
		f.on[name] = true
		f.mu.Unlock()
	}
}

// ANCHOR_END: upgrade

// ANCHOR: upgrade_fixed
// Release the read lock, take the write lock, and check again: another
// goroutine may have done the work in between.
func (f *Flags) enableOnce(name string) {
	f.mu.RLock()
	on := f.on[name]
	f.mu.RUnlock()
	if on {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.on == nil {
		f.on = make(map[string]bool)
	}
	if !f.on[name] { // check again, now under the write lock
		f.on[name] = true
	}
}

// ANCHOR_END: upgrade_fixed

var _ = (*Flags).enableOnceBroken // shown in the book, never called

func ExampleFlags_enableOnce() {
	var f Flags
	f.enableOnce("dark-mode")
	f.enableOnce("dark-mode")
	fmt.Println(f.Enabled("dark-mode"))
	// Output: true
}
