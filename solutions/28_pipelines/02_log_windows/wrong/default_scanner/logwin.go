// Wrong: reads lines with a bufio.Scanner at its default 64 KiB limit, so
// a longer line stops the whole read with bufio.ErrTooLong.
package logwin

import (
	"bufio"
	"io"
	"slices"
	"strings"
	"time"
)

// A log line has three fields separated by spaces or tabs:
//
//	2026-12-07T10:00:03Z /api/items?page=2 12ms
//
// its time (RFC 3339), the request path, and the latency (a Go duration,
// as time.ParseDuration reads it). Lines are at most 1 MiB (1,048,576
// bytes) long, the newline not included.

// Window is what Aggregate reports for one window [Start, Start+size).
type Window struct {
	Start time.Time     // the window's start: the line times truncated to size
	Count int           // the lines counted in the window
	P95   time.Duration // the 95th percentile of their latencies
}

// Stats counts the lines Aggregate read.
type Stats struct {
	Lines     int // every line that is not blank (blank lines are skipped)
	Malformed int // lines that are not three fields, a time and a latency of 0 or more
	Late      int // well-formed lines whose window was already finished
}

// Aggregate reads log lines from r and groups them into tumbling windows of
// length size: a line at time t belongs to the window that starts at
// t.Truncate(size), so a line exactly on a boundary starts the next window.
//
// Lines may arrive out of order by up to lateness. The watermark is the
// latest line time read so far minus lateness; a window is finished as soon
// as the watermark reaches its end (Start+size <= watermark), and then emit
// is called for it at once, before the next line is read. A line whose
// window is already finished is counted in Stats.Late and otherwise
// ignored. When r ends, every window not yet emitted is emitted. Windows
// are emitted in order of Start, once each, and only if they counted at
// least one line.
//
// P95 is the nearest-rank percentile: the latencies of the window sorted in
// increasing order, the one at position ceil(0.95·Count) counting from 1.
//
// A malformed line is counted in Stats.Malformed and skipped. Aggregate
// returns an error only if reading r fails: the windows finished before
// that have been emitted, the others are not.
func Aggregate(r io.Reader, size, lateness time.Duration, emit func(Window)) (Stats, error) {
	sc := bufio.NewScanner(r)
	var (
		st      Stats
		open    = map[int64][]time.Duration{} // window start (UnixNano) → latencies
		latest  time.Time
		started bool
	)
	// flush emits, in order, the open windows that end at or before
	// watermark, or all of them when all is true.
	flush := func(watermark time.Time, all bool) {
		starts := make([]int64, 0, len(open))
		for s := range open {
			starts = append(starts, s)
		}
		slices.Sort(starts)
		for _, s := range starts {
			start := time.Unix(0, s).UTC()
			if !all && start.Add(size).After(watermark) {
				break
			}
			emit(window(start, open[s]))
			delete(open, s)
		}
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		st.Lines++
		t, lat, ok := parse(fields)
		if !ok {
			st.Malformed++
			continue
		}
		if !started || t.After(latest) {
			latest, started = t, true
		}
		watermark := latest.Add(-lateness)
		start := t.Truncate(size)
		if !start.Add(size).After(watermark) {
			st.Late++
			continue
		}
		open[start.UnixNano()] = append(open[start.UnixNano()], lat)
		flush(watermark, false)
	}
	if err := sc.Err(); err != nil {
		return st, err
	}
	flush(time.Time{}, true)
	return st, nil
}

// parse reads the time and the latency of a line's fields.
func parse(fields []string) (time.Time, time.Duration, bool) {
	if len(fields) != 3 {
		return time.Time{}, 0, false
	}
	t, err := time.Parse(time.RFC3339, fields[0])
	if err != nil {
		return time.Time{}, 0, false
	}
	lat, err := time.ParseDuration(fields[2])
	if err != nil || lat < 0 {
		return time.Time{}, 0, false
	}
	return t, lat, true
}

// window sums up the latencies of one window.
func window(start time.Time, lats []time.Duration) Window {
	slices.Sort(lats)
	rank := (95*len(lats) + 99) / 100 // ceil(0.95·n), from 1
	return Window{Start: start, Count: len(lats), P95: lats[rank-1]}
}
