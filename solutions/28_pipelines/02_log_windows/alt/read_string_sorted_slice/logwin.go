// Alternative: reads with bufio.Reader.ReadString (no line-length limit),
// keeps the open windows in a slice sorted by start, and computes the
// percentile rank with math.Ceil.
package logwin

import (
	"bufio"
	"errors"
	"io"
	"math"
	"slices"
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

type bucket struct {
	start time.Time
	lats  []time.Duration
}

// Aggregate reads log lines from r and emits per-window counts and p95.
func Aggregate(r io.Reader, size, lateness time.Duration, emit func(Window)) (Stats, error) {
	br := bufio.NewReader(r)
	var st Stats
	var buckets []bucket
	var maxTime time.Time
	seen := false
	send := func(b bucket) {
		slices.Sort(b.lats)
		k := int(math.Ceil(0.95 * float64(len(b.lats))))
		emit(Window{Start: b.start, Count: len(b.lats), P95: b.lats[k-1]})
	}
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			st.handle(line, size, lateness, &buckets, &maxTime, &seen, send)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return st, err
		}
	}
	for _, b := range buckets {
		send(b)
	}
	return st, nil
}

func (st *Stats) handle(line string, size, lateness time.Duration, buckets *[]bucket,
	maxTime *time.Time, seen *bool, send func(bucket)) {
	f := strings.Fields(line)
	if len(f) == 0 {
		return
	}
	st.Lines++
	if len(f) != 3 {
		st.Malformed++
		return
	}
	ts, err1 := time.Parse(time.RFC3339, f[0])
	lat, err2 := time.ParseDuration(f[2])
	if err1 != nil || err2 != nil || lat < 0 {
		st.Malformed++
		return
	}
	if !*seen || ts.After(*maxTime) {
		*maxTime, *seen = ts, true
	}
	wm := maxTime.Add(-lateness)
	start := ts.Truncate(size)
	if end := start.Add(size); end.Before(wm) || end.Equal(wm) {
		st.Late++
		return
	}
	i, found := slices.BinarySearchFunc(*buckets, start, func(b bucket, t time.Time) int {
		return b.start.Compare(t)
	})
	if found {
		(*buckets)[i].lats = append((*buckets)[i].lats, lat)
	} else {
		*buckets = slices.Insert(*buckets, i, bucket{start: start, lats: []time.Duration{lat}})
	}
	for len(*buckets) > 0 && !(*buckets)[0].start.Add(size).After(wm) {
		send((*buckets)[0])
		*buckets = (*buckets)[1:]
	}
}
