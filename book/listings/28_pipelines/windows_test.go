package pipelines

import (
	"bufio"
	"fmt"
	"strings"
	"time"
)

// ANCHOR: scanner
// countLines counts the lines of s, which may be up to 1 MiB long each.
func countLines(s string) (int, error) {
	sc := bufio.NewScanner(strings.NewReader(s))
	// Without this, a line over 64 KiB stops the scan with ErrTooLong.
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20+2)
	n := 0
	for sc.Scan() {
		n++
	}
	return n, sc.Err() // always check: Scan returns false on errors too
}

// ANCHOR_END: scanner

func Example_countLines() {
	long := strings.Repeat("x", 200<<10)
	n, err := countLines("short\n" + long + "\nshort\n")
	fmt.Println(n, err)
	// Output: 3 <nil>
}

// ANCHOR: watermark
// tracker assigns event times to tumbling windows and says which windows
// are finished, allowing events to arrive up to lateness out of order.
type tracker struct {
	size, lateness time.Duration
	latest         time.Time
}

// window returns the start of t's window, and whether the event is late:
// its window ended at or before the watermark.
func (tr *tracker) window(t time.Time) (start time.Time, late bool) {
	if t.After(tr.latest) {
		tr.latest = t
	}
	start = t.Truncate(tr.size) // [start, start+size): a boundary opens one
	return start, !start.Add(tr.size).After(tr.watermark())
}

// watermark: every event still to come is (we assume) after this time.
func (tr *tracker) watermark() time.Time { return tr.latest.Add(-tr.lateness) }

// ANCHOR_END: watermark

func Example_tracker() {
	tr := &tracker{size: time.Minute, lateness: 30 * time.Second}
	for _, s := range []string{"00:50", "01:10", "00:55", "01:30", "00:58"} {
		t, _ := time.Parse(time.RFC3339, "2026-12-07T10:"+s+"Z")
		start, late := tr.window(t)
		fmt.Println(t.Format(time.TimeOnly), "→ window", start.Format("15:04"),
			"late:", late, "watermark", tr.watermark().Format(time.TimeOnly))
	}
	// Output:
	// 10:00:50 → window 10:00 late: false watermark 10:00:20
	// 10:01:10 → window 10:01 late: false watermark 10:00:40
	// 10:00:55 → window 10:00 late: false watermark 10:00:40
	// 10:01:30 → window 10:01 late: false watermark 10:01:00
	// 10:00:58 → window 10:00 late: true watermark 10:01:00
}
