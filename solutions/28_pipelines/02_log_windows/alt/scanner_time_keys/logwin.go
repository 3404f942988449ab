// Alternative: a bufio.Scanner with a 2 MiB buffer, windows in a map keyed
// by their start time.Time (UTC), and the finished boundary tracked as the
// watermark rounded down to a window boundary.
package logwin

import (
	"bufio"
	"io"
	"sort"
	"strings"
	"time"
)

// Window is what Aggregate reports for one window [Start, Start+size).
type Window struct {
	Start time.Time
	Count int
	P95   time.Duration
}

// Stats counts the lines Aggregate read.
type Stats struct {
	Lines     int
	Malformed int
	Late      int
}

// Aggregate reads log lines from r and emits per-window counts and p95.
func Aggregate(r io.Reader, size, lateness time.Duration, emit func(Window)) (Stats, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 2<<20)
	var st Stats
	windows := make(map[time.Time][]time.Duration)
	var finished time.Time // every window starting before this is finished
	var latest time.Time
	started := false

	emitBefore := func(limit time.Time, all bool) {
		var keys []time.Time
		for k := range windows {
			if all || k.Before(limit) {
				keys = append(keys, k)
			}
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].Before(keys[j]) })
		for _, k := range keys {
			l := windows[k]
			sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
			n := len(l)
			emit(Window{Start: k, Count: n, P95: l[(n*95+99)/100-1]})
			delete(windows, k)
		}
	}

	for sc.Scan() {
		parts := strings.Fields(sc.Text())
		if len(parts) == 0 {
			continue
		}
		st.Lines++
		var ts time.Time
		var lat time.Duration
		var err error
		if len(parts) == 3 {
			if ts, err = time.Parse(time.RFC3339, parts[0]); err == nil {
				lat, err = time.ParseDuration(parts[2])
			}
		}
		if len(parts) != 3 || err != nil || lat < 0 {
			st.Malformed++
			continue
		}
		start := ts.Truncate(size).UTC()
		if started && start.Before(finished) {
			st.Late++
			continue
		}
		windows[start] = append(windows[start], lat)
		if !started || ts.After(latest) {
			latest = ts
		}
		started = true
		// Windows ending at or before the watermark are finished: those
		// starting before the watermark's own window boundary.
		finished = latest.Add(-lateness).Truncate(size).UTC()
		emitBefore(finished, false)
	}
	if err := sc.Err(); err != nil {
		return st, err
	}
	emitBefore(time.Time{}, true)
	return st, nil
}
