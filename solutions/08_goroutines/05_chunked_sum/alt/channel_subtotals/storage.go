// Each goroutine sends its subtotal on a buffered channel; the caller sums them.
package storage

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	parts = max(parts, 1)
	chunk := (len(keys) + parts - 1) / parts
	results := make(chan int64, parts)
	n := 0
	for start := 0; start < len(keys); start += chunk {
		end := min(start+chunk, len(keys))
		n++
		go func() {
			var sum int64
			for _, key := range keys[start:end] {
				sum += size(key)
			}
			results <- sum
		}()
	}
	var total int64
	for range n {
		total += <-results
	}
	return total
}
