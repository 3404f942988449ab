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
	var total int64
	var wg sync.WaitGroup
	for start := 0; start < len(keys); start += chunk {
		end := min(start+chunk, len(keys))
		wg.Go(func() {
			for _, key := range keys[start:end] {
				total += size(key) // BUG: every goroutine writes the same variable
			}
		})
	}
	wg.Wait()
	return total
}
