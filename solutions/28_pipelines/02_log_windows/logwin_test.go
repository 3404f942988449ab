package logwin

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// testAt is 2026-12-07 at 10:mm:ss UTC.
func testAt(mm, ss int) time.Time {
	return time.Date(2026, 12, 7, 10, mm, ss, 0, time.UTC)
}

// testLine is a well-formed log line at 10:mm:ss.
func testLine(mm, ss int, latency string) string {
	return testAt(mm, ss).Format(time.RFC3339) + " /api/items " + latency
}

// testLinesReader hands out one line per Read, as a slow network would,
// and records whether it has reached its end.
type testLinesReader struct {
	lines []string
	eof   bool
	err   error // returned after the lines instead of io.EOF, if set
}

func (r *testLinesReader) Read(p []byte) (int, error) {
	if len(r.lines) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		r.eof = true
		return 0, io.EOF
	}
	n := copy(p, r.lines[0])
	r.lines[0] = r.lines[0][n:]
	if r.lines[0] == "" {
		r.lines = r.lines[1:]
	}
	return n, nil
}

func testReader(lines ...string) *testLinesReader {
	var ls []string
	for _, l := range lines {
		ls = append(ls, l+"\n")
	}
	return &testLinesReader{lines: ls}
}

// testRun aggregates lines and returns the windows emitted, in order.
func testRun(t *testing.T, size, lateness time.Duration, lines ...string) ([]Window, Stats) {
	t.Helper()
	var got []Window
	st, err := Aggregate(testReader(lines...), size, lateness, func(w Window) { got = append(got, w) })
	if err != nil {
		t.Fatalf("Aggregate returned error %v, want nil (only a failing reader is an error)", err)
	}
	return got, st
}

func testFormat(ws []Window) string {
	var b strings.Builder
	b.WriteString("[")
	for i, w := range ws {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "{%s count %d p95 %v}", w.Start.UTC().Format("15:04:05"), w.Count, w.P95)
	}
	b.WriteString("]")
	return b.String()
}

func testEqual(a, b []Window) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Start.Equal(b[i].Start) || a[i].Count != b[i].Count || a[i].P95 != b[i].P95 {
			return false
		}
	}
	return true
}

type testCase struct {
	name     string
	size     time.Duration
	lateness time.Duration
	lines    []string
	want     []Window
	stats    Stats
}

func testCheck(t *testing.T, cases []testCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, st := testRun(t, c.size, c.lateness, c.lines...)
			input := strings.Join(c.lines, "\n")
			if len(input) > 400 {
				input = input[:400] + "…"
			}
			if !testEqual(got, c.want) {
				t.Errorf("Aggregate(size %v, lateness %v) of\n%s\nemitted %s\nwant    %s", c.size, c.lateness, input, testFormat(got), testFormat(c.want))
			}
			if st != c.stats {
				t.Errorf("Aggregate(size %v, lateness %v) of\n%s\nreturned %+v, want %+v", c.size, c.lateness, input, st, c.stats)
			}
		})
	}
}

func TestWindows(t *testing.T) {
	var twenty []string
	for i := 1; i <= 20; i++ {
		twenty = append(twenty, testLine(3, i, fmt.Sprintf("%dms", 21-i)))
	}
	testCheck(t, []testCase{
		{name: "empty input", size: time.Minute},
		{
			name: "one line", size: time.Minute,
			lines: []string{testLine(0, 5, "7ms")},
			want:  []Window{{testAt(0, 0), 1, 7 * time.Millisecond}},
			stats: Stats{Lines: 1},
		},
		{
			name: "a line exactly on a boundary starts the next window", size: time.Minute,
			lines: []string{testLine(0, 0, "1ms"), testLine(0, 59, "2ms"), testLine(1, 0, "3ms")},
			want:  []Window{{testAt(0, 0), 2, 2 * time.Millisecond}, {testAt(1, 0), 1, 3 * time.Millisecond}},
			stats: Stats{Lines: 3},
		},
		{
			name: "minutes without lines are not emitted", size: time.Minute,
			lines: []string{testLine(0, 30, "1ms"), testLine(4, 30, "2ms")},
			want:  []Window{{testAt(0, 0), 1, time.Millisecond}, {testAt(4, 0), 1, 2 * time.Millisecond}},
			stats: Stats{Lines: 2},
		},
		{
			name: "p95 of 20 latencies is the 19th smallest", size: time.Minute,
			lines: twenty,
			want:  []Window{{testAt(3, 0), 20, 19 * time.Millisecond}},
			stats: Stats{Lines: 20},
		},
		{
			name: "p95 of 3 latencies is the largest", size: time.Minute,
			lines: []string{testLine(0, 1, "30ms"), testLine(0, 2, "1s"), testLine(0, 3, "5ms")},
			want:  []Window{{testAt(0, 0), 3, time.Second}},
			stats: Stats{Lines: 3},
		},
		{
			name: "5-minute windows", size: 5 * time.Minute,
			lines: []string{testLine(0, 0, "1ms"), testLine(4, 59, "2ms"), testLine(5, 0, "3ms"), testLine(12, 0, "4ms")},
			want: []Window{
				{testAt(0, 0), 2, 2 * time.Millisecond},
				{testAt(5, 0), 1, 3 * time.Millisecond},
				{testAt(10, 0), 1, 4 * time.Millisecond},
			},
			stats: Stats{Lines: 4},
		},
		{
			name: "blank lines are skipped", size: time.Minute,
			lines: []string{"", testLine(0, 1, "1ms"), "   ", testLine(0, 2, "2ms")},
			want:  []Window{{testAt(0, 0), 2, 2 * time.Millisecond}},
			stats: Stats{Lines: 2},
		},
	})
}

func TestOutOfOrder(t *testing.T) {
	testCheck(t, []testCase{
		{
			name: "lines up to lateness behind are counted", size: time.Minute, lateness: 30 * time.Second,
			lines: []string{
				testLine(0, 50, "1ms"),
				testLine(1, 10, "2ms"),
				testLine(0, 55, "3ms"), // 15s behind: counted in 10:00
				testLine(1, 40, "4ms"), // watermark 10:01:10: 10:00 is finished
				testLine(0, 58, "5ms"), // late
			},
			want:  []Window{{testAt(0, 0), 2, 3 * time.Millisecond}, {testAt(1, 0), 2, 4 * time.Millisecond}},
			stats: Stats{Lines: 5, Late: 1},
		},
		{
			name: "without lateness an older window is finished by the first newer line", size: time.Minute,
			lines: []string{testLine(0, 10, "1ms"), testLine(1, 0, "2ms"), testLine(0, 59, "3ms")},
			want:  []Window{{testAt(0, 0), 1, time.Millisecond}, {testAt(1, 0), 1, 2 * time.Millisecond}},
			stats: Stats{Lines: 3, Late: 1},
		},
		{
			name: "a watermark exactly at a window's end finishes it", size: time.Minute, lateness: 30 * time.Second,
			lines: []string{testLine(0, 10, "1ms"), testLine(1, 30, "2ms"), testLine(0, 59, "3ms")},
			want:  []Window{{testAt(0, 0), 1, time.Millisecond}, {testAt(1, 0), 1, 2 * time.Millisecond}},
			stats: Stats{Lines: 3, Late: 1},
		},
		{
			name: "a watermark one second before a window's end does not", size: time.Minute, lateness: 30 * time.Second,
			lines: []string{testLine(0, 10, "1ms"), testLine(1, 29, "2ms"), testLine(0, 59, "3ms")},
			want:  []Window{{testAt(0, 0), 2, 3 * time.Millisecond}, {testAt(1, 0), 1, 2 * time.Millisecond}},
			stats: Stats{Lines: 3},
		},
		{
			name: "a late line for a window that never had a line is late too", size: time.Minute,
			lines: []string{testLine(2, 0, "1ms"), testLine(0, 30, "2ms")},
			want:  []Window{{testAt(2, 0), 1, time.Millisecond}},
			stats: Stats{Lines: 2, Late: 1},
		},
	})
}

func TestMalformed(t *testing.T) {
	bad := []string{
		"garbage",
		"2026-12-07T10:00:01Z /x",
		"2026-12-07T10:00:01Z /x 5ms extra",
		"yesterday /x 5ms",
		"2026-12-07 10:00:01 /x 5ms",
		"2026-12-07T10:00:01Z /x 5",
		"2026-12-07T10:00:01Z /x -5ms",
	}
	for _, b := range bad {
		t.Run(b, func(t *testing.T) {
			lines := []string{testLine(0, 1, "1ms"), b, testLine(0, 2, "2ms")}
			got, st := testRun(t, time.Minute, 0, lines...)
			want := []Window{{testAt(0, 0), 2, 2 * time.Millisecond}}
			if !testEqual(got, want) || st != (Stats{Lines: 3, Malformed: 1}) {
				t.Errorf("Aggregate of two good lines around the malformed line %q: emitted %s, %+v; want %s, %+v", b, testFormat(got), st, testFormat(want), Stats{Lines: 3, Malformed: 1})
			}
		})
	}
	t.Run("tabs and runs of spaces separate fields", func(t *testing.T) {
		got, st := testRun(t, time.Minute, 0, "2026-12-07T10:00:01Z\t/x   5ms")
		want := []Window{{testAt(0, 0), 1, 5 * time.Millisecond}}
		if !testEqual(got, want) || st != (Stats{Lines: 1}) {
			t.Errorf("Aggregate of %q: emitted %s, %+v; want %s, %+v", "2026-12-07T10:00:01Z\\t/x   5ms", testFormat(got), st, testFormat(want), Stats{Lines: 1})
		}
	})
}

func TestLongLines(t *testing.T) {
	prefix := testAt(0, 1).Format(time.RFC3339) + " /search?q="
	suffix := " 9ms"
	long := prefix + strings.Repeat("a", 1<<20-len(prefix)-len(suffix)) + suffix
	var got []Window
	st, err := Aggregate(testReader(testLine(0, 0, "1ms"), long, testLine(0, 2, "2ms")), time.Minute, 0, func(w Window) { got = append(got, w) })
	if errors.Is(err, bufio.ErrTooLong) {
		t.Fatalf("Aggregate of a 1 MiB line between two short ones returned %v, want nil: lines can be 1 MiB long, and a bufio.Scanner stops at 64 KiB unless given a larger Buffer", err)
	}
	if err != nil {
		t.Fatalf("Aggregate of a 1 MiB line between two short ones returned %v, want nil", err)
	}
	want := []Window{{testAt(0, 0), 3, 9 * time.Millisecond}}
	if !testEqual(got, want) || st != (Stats{Lines: 3}) {
		t.Errorf("Aggregate of a 1 MiB line between two short ones: emitted %s, %+v; want %s, %+v", testFormat(got), st, testFormat(want), Stats{Lines: 3})
	}
}

func TestEmitsAsSoonAsFinished(t *testing.T) {
	r := testReader(
		testLine(0, 1, "1ms"),
		testLine(1, 0, "2ms"), // finishes 10:00
		testLine(2, 0, "3ms"), // finishes 10:01
		testLine(2, 1, "4ms"),
		testLine(2, 2, "5ms"),
		testLine(2, 3, "6ms"),
	)
	var early []bool
	_, err := Aggregate(r, time.Minute, 0, func(w Window) { early = append(early, !r.eof) })
	if err != nil {
		t.Fatalf("Aggregate returned %v, want nil", err)
	}
	if len(early) != 3 {
		t.Fatalf("Aggregate of 6 lines in 3 minutes emitted %d windows, want 3", len(early))
	}
	if !early[0] || !early[1] {
		t.Errorf("windows 10:00 and 10:01 were finished by the 2nd and 3rd of 6 lines, but were emitted only after the whole input was read: emit each window as soon as the watermark passes its end")
	}
}

func TestReadError(t *testing.T) {
	boom := errors.New("connection reset")
	r := testReader(testLine(0, 1, "1ms"), testLine(1, 1, "2ms"))
	r.err = boom
	var got []Window
	_, err := Aggregate(r, time.Minute, 0, func(w Window) { got = append(got, w) })
	if !errors.Is(err, boom) {
		t.Errorf("Aggregate of a reader that fails after two lines returned %v, want the reader's error %v", err, boom)
	}
	want := []Window{{testAt(0, 0), 1, time.Millisecond}}
	if !testEqual(got, want) {
		t.Errorf("Aggregate of a reader that fails after lines at 10:00:01 and 10:01:01 emitted %s, want %s (the window finished before the failure)", testFormat(got), testFormat(want))
	}
}
