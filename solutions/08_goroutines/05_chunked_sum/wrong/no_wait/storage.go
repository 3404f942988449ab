// Wrong: fills one subtotal slot per goroutine but adds the slots up without
// wg.Wait, while the goroutines are still writing them.
package storage

import "sync"

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	parts = max(parts, 1)
	chunk := (len(keys) + parts - 1) / parts
	subtotals := make([]int64, parts)
	var wg sync.WaitGroup
	for p := range parts {
		start, end := p*chunk, min((p+1)*chunk, len(keys))
		if start >= end {
			break
		}
		wg.Go(func() {
			for _, key := range keys[start:end] {
				subtotals[p] += size(key)
			}
		})
	}
	var total int64
	for _, s := range subtotals {
		total += s
	}
	return total
}
