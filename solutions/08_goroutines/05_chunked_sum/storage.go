// Exercise: collect results from goroutines without a data race.
// TotalSize sums in several goroutines, but all of them add to one shared
// variable: a data race, even when the total happens to come out right. Give
// each goroutine its own slot in a slice of subtotals; add them up after Wait.
package storage

import "sync"

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	parts = max(parts, 1)
	chunk := (len(keys) + parts - 1) / parts // rounded up: parts chunks cover all keys
	subtotals := make([]int64, parts)
	var wg sync.WaitGroup
	for p := range parts {
		start, end := p*chunk, min((p+1)*chunk, len(keys))
		if start >= end {
			break // fewer keys than parts: the remaining chunks are empty
		}
		wg.Go(func() {
			// Only this goroutine touches subtotals[p] until wg.Wait returns.
			for _, key := range keys[start:end] {
				subtotals[p] += size(key)
			}
		})
	}
	wg.Wait() // every write to subtotals happens before Wait returns
	var total int64
	for _, s := range subtotals {
		total += s
	}
	return total
}
