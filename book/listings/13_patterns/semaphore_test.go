package patterns

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: semaphore
// resizeAll resizes every image, at most limit at a time. The semaphore is
// a buffered channel: a send takes a slot (and blocks while all limit are
// taken), a receive gives one back. Taking the slot before starting the
// goroutine bounds the goroutines too, not only the work.
func resizeAll(images []string, limit int, resize func(string)) {
	slots := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for _, img := range images {
		slots <- struct{}{} // wait for a free slot
		wg.Go(func() {
			defer func() { <-slots }() // give it back
			resize(img)
		})
	}
	wg.Wait()
}

// ANCHOR_END: semaphore

// ANCHOR: semaphore_test
func TestResizeAllLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var now, most atomic.Int32
		resize := func(string) {
			n := now.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(time.Second) // fake time: instant, and all sleepers overlap
			now.Add(-1)
		}
		start := time.Now()
		files := []string{"a.png", "b.png", "c.png", "d.png", "e.png", "f.png"}
		resizeAll(files, 2, resize)
		if m := most.Load(); m != 2 {
			t.Errorf("%d resizes ran at once, want 2", m)
		}
		if d := time.Since(start); d != 3*time.Second {
			t.Errorf("6 resizes of 1s, 2 at a time, took %v, want 3s", d)
		}
	})
}

// ANCHOR_END: semaphore_test
