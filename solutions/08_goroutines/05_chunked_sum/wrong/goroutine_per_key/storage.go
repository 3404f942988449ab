// Wrong: race-free, but it starts one goroutine per key, so all the calls of
// size run at once, however small parts is.
package storage

import "sync"

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	sizes := make([]int64, len(keys))
	var wg sync.WaitGroup
	for i, key := range keys {
		wg.Go(func() {
			sizes[i] = size(key)
		})
	}
	wg.Wait()
	var total int64
	for _, s := range sizes {
		total += s
	}
	return total
}
