// Wrong: the chunk size is rounded down, so when the keys do not divide
// evenly the last few keys belong to no chunk and are never counted.
package storage

import "sync"

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	parts = max(parts, 1)
	chunk := len(keys) / parts
	subtotals := make([]int64, parts)
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			for _, key := range keys[p*chunk : (p+1)*chunk] {
				subtotals[p] += size(key)
			}
		})
	}
	wg.Wait()
	var total int64
	for _, s := range subtotals {
		total += s
	}
	return total
}
