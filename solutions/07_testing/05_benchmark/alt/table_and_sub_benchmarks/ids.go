// Package ids formats lists of numeric IDs, as they appear in cache keys,
// log lines and SQL "IN (…)" lists. It sits on hot paths, so it is written
// to allocate only once per call in the common case.
package ids

import (
	"strconv"
	"strings"
)

// Join writes ids as decimal numbers (with a '-' for negative ones),
// separated by sep, which may be any string, even empty. For example, the
// IDs 1, 20 and -3 with sep "," give "1,20,-3". No IDs give "".
func Join(ids []int64, sep string) string {
	if len(ids) == 0 {
		return ""
	}
	var b strings.Builder
	// Room for IDs of up to 8 digits: one allocation, unless they are
	// longer.
	b.Grow(len(ids) * (8 + len(sep)))
	var digits [20]byte // an int64 has at most 19 digits and a sign
	for i, id := range ids {
		if i > 0 {
			b.WriteString(sep)
		}
		b.Write(strconv.AppendInt(digits[:0], id, 10))
	}
	return b.String()
}
