// Adds each chunk's subtotal to an atomic.Int64 instead of a slice of slots.
package storage

import (
	"sync"
	"sync/atomic"
)

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	parts = max(parts, 1)
	chunk := (len(keys) + parts - 1) / parts
	var total atomic.Int64
	var wg sync.WaitGroup
	for start := 0; start < len(keys); start += chunk {
		end := min(start+chunk, len(keys))
		wg.Go(func() {
			for _, key := range keys[start:end] {
				total.Add(size(key))
			}
		})
	}
	wg.Wait()
	return total.Load()
}
