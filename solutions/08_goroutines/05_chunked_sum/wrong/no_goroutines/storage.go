// Wrong: sums the chunks one after another in the calling goroutine: the
// right total, but nothing runs at the same time.
package storage

// TotalSize returns the sum of size(key) over all keys. It splits keys into
// at most parts chunks (parts < 1 counts as 1) and sums each chunk in its own
// goroutine, so no more than parts calls of size run at the same time.
func TotalSize(keys []string, parts int, size func(key string) int64) int64 {
	var total int64
	for _, key := range keys {
		total += size(key)
	}
	return total
}
