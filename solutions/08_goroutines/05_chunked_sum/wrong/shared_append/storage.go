// Wrong: each goroutine appends its subtotal to one shared slice without a
// lock: a data race (append reads and writes the slice header).
package storage

import "sync"

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	parts = max(parts, 1)
	chunk := (len(keys) + parts - 1) / parts
	var subtotals []int64
	var wg sync.WaitGroup
	for start := 0; start < len(keys); start += chunk {
		end := min(start+chunk, len(keys))
		wg.Go(func() {
			var sum int64
			for _, key := range keys[start:end] {
				sum += size(key)
			}
			subtotals = append(subtotals, sum)
		})
	}
	wg.Wait()
	var total int64
	for _, s := range subtotals {
		total += s
	}
	return total
}
