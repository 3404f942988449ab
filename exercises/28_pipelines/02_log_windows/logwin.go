// Log windows: read access-log lines as a stream and report, for every
// tumbling window of time, how many requests it had and their 95th
// percentile latency. Write Aggregate as its comment says: read line by
// line (lines can be up to 1 MiB long), count malformed lines instead of
// failing, tolerate lines that arrive out of order by up to lateness, and
// emit each window as soon as it is finished. You are done when the hidden
// tests pass.
package logwin

import (
	"io"
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
	// TODO: read r line by line and aggregate.
	return Stats{}, nil
}
