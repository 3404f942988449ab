// Guards the shared total with a mutex, locked once per chunk by a worker helper.
package storage

import "sync"

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	parts = max(parts, 1)
	var (
		mu    sync.Mutex
		total int64
		wg    sync.WaitGroup
	)
	for p := range parts {
		start, end := p*len(keys)/parts, (p+1)*len(keys)/parts
		if start == end {
			continue
		}
		wg.Go(func() {
			sum := worker(keys[start:end], size)
			mu.Lock()
			total += sum
			mu.Unlock()
		})
	}
	wg.Wait()
	return total
}

func worker(keys []string, size func(string) int64) int64 {
	var sum int64
	for _, key := range keys {
		sum += size(key)
	}
	return sum
}
