package merge

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine of Merge was still blocked and would never exit (a send or receive that does not also watch ctx.Done()?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: every goroutine is blocked, and Merge's channel was never closed")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var testT0 = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

// testEvents turns "3:a 5:b" into events at testT0+3s "a", testT0+5s "b".
func testEvents(spec string) []Event {
	var evs []Event
	for _, f := range strings.Fields(spec) {
		sec, msg, _ := strings.Cut(f, ":")
		n, _ := strconv.Atoi(sec)
		evs = append(evs, Event{Time: testT0.Add(time.Duration(n) * time.Second), Msg: msg})
	}
	return evs
}

// testSource delivers evs on an unbuffered channel from a goroutine, then
// closes it (unless keepOpen), stopping when stop is closed.
func testSource(stop <-chan struct{}, keepOpen bool, evs ...Event) <-chan Event {
	ch := make(chan Event)
	go func() {
		for _, ev := range evs {
			select {
			case ch <- ev:
			case <-stop:
				return
			}
		}
		if keepOpen {
			<-stop
		}
		close(ch)
	}()
	return ch
}

// testDrain receives from ch until it is closed or nothing more comes
// once every goroutine is blocked.
func testDrain(ch <-chan Event) (got []string, closed bool) {
	for {
		synctest.Wait()
		select {
		case ev, ok := <-ch:
			if !ok {
				return got, true
			}
			if ev.Time.IsZero() {
				got = append(got, "(zero Time):"+ev.Msg)
				continue
			}
			got = append(got, fmt.Sprintf("%d:%s", int(ev.Time.Sub(testT0)/time.Second), ev.Msg))
		default:
			return got, false
		}
	}
}

func TestMergeOrder(t *testing.T) {
	for _, c := range []struct {
		name    string
		sources []string
		want    string
	}{
		{"no sources", nil, ""},
		{"one empty source", []string{""}, ""},
		{"one source", []string{"1:a 2:b 3:c"}, "1:a 2:b 3:c"},
		{"interleaved", []string{"1:a 4:b 9:c", "2:d 3:e 10:f", "5:g"}, "1:a 2:d 3:e 4:b 5:g 9:c 10:f"},
		{"an empty source among others", []string{"2:a 4:b", "", "1:c 3:d"}, "1:c 2:a 3:d 4:b"},
		{"the first source ends early", []string{"1:a", "2:b 3:c 4:d"}, "1:a 2:b 3:c 4:d"},
		{"equal times: the first listed source first", []string{"5:a", "5:b", "5:c"}, "5:a 5:b 5:c"},
		{"equal times within a source keep their order", []string{"1:x 5:a1 5:a2", "5:b1 5:b2", "0:y 5:c"}, "0:y 1:x 5:a1 5:a2 5:b1 5:b2 5:c"},
		{"many equal times", []string{"1:a1 1:a2 2:a3", "1:b1 2:b2 2:b3", "1:c1 1:c2 1:c3", "2:d1 2:d2"}, "1:a1 1:a2 1:b1 1:c1 1:c2 1:c3 2:a3 2:b2 2:b3 2:d1 2:d2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				stop := make(chan struct{})
				defer close(stop)
				var srcs []<-chan Event
				for _, s := range c.sources {
					srcs = append(srcs, testSource(stop, false, testEvents(s)...))
				}
				got, closed := testDrain(Merge(t.Context(), srcs...))
				if strings.Join(got, " ") != c.want || !closed {
					t.Errorf("Merge of sources %q delivered %q (closed: %v), want %q and then closed", c.sources, strings.Join(got, " "), closed, c.want)
				}
			})
		})
	}
}

// TestStreams keeps the sources open: Merge must send what it already
// knows to be next.
func TestStreams(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		stop := make(chan struct{})
		a := testSource(stop, true, testEvents("1:a 4:b")...)
		b := testSource(stop, true, testEvents("2:c 5:d")...)
		out := Merge(t.Context(), a, b)
		got, _ := testDrain(out)
		if want := []string{"1:a", "2:c", "4:b"}; !slices.Equal(got, want) {
			t.Errorf("sources \"1:a 4:b …\" and \"2:c 5:d …\", both still open: Merge delivered %q so far, want %q (once it holds an event from every open source, the earliest is known to be next: send it without waiting for the sources to end)", got, want)
		}
		close(stop)
		rest, closed := testDrain(out)
		if want := []string{"1:a", "2:c", "4:b", "5:d"}; !slices.Equal(append(got, rest...), want) || !closed {
			t.Errorf("sources \"1:a 4:b\" and \"2:c 5:d\", then closed: Merge delivered %q (closed: %v), want %q and then closed", append(got, rest...), closed, want)
		}
	})
}

// TestWaitsForSlowSource delays one source: an event cannot be sent until
// every open source has offered one.
func TestWaitsForSlowSource(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		fast := make(chan Event, 2)
		fast <- testEvents("3:fast")[0]
		close(fast)
		slow := make(chan Event)
		go func() {
			time.Sleep(time.Hour)
			slow <- testEvents("1:slow")[0]
			close(slow)
		}()
		out := Merge(t.Context(), fast, slow)
		var got []string
		for ev := range out {
			got = append(got, ev.Msg)
		}
		if want := []string{"slow", "fast"}; !slices.Equal(got, want) {
			t.Errorf("source 1 offers 3:fast at once, source 2 offers 1:slow an hour later: Merge delivered %q, want %q (wait for every open source before sending)", got, want)
		}
	})
}

func TestCancel(t *testing.T) {
	t.Run("consumer stops reading", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			stop := make(chan struct{})
			defer close(stop)
			a := testSource(stop, true, testEvents("1:a 3:b 5:c 7:d")...)
			b := testSource(stop, true, testEvents("2:e 4:f 6:g 8:h")...)
			out := Merge(ctx, a, b)
			synctest.Wait()
			select {
			case <-out:
			default:
				t.Fatalf("sources \"1:a 3:b 5:c 7:d\" and \"2:e 4:f 6:g 8:h\", both still open: Merge sent nothing")
			}
			synctest.Wait() // Merge is now waiting to send the next event
			cancel()
			synctest.Wait()
			select {
			case ev, ok := <-out:
				if ok {
					t.Errorf("after 1 event the consumer stopped reading and cancelled ctx: Merge was still waiting to send %s:%s instead of closing its channel (select on ctx.Done() when sending)", ev.Time.Sub(testT0), ev.Msg)
				}
			default:
				t.Errorf("after 1 event the consumer stopped reading and cancelled ctx: Merge's channel is still open")
			}
		})
	})
	t.Run("waiting on a silent source", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			silent := make(chan Event)
			stop := make(chan struct{})
			defer close(stop)
			out := Merge(ctx, testSource(stop, false, testEvents("1:a")...), silent)
			time.Sleep(time.Minute)
			cancel()
			if got, closed := testDrain(out); !closed || len(got) > 0 {
				t.Errorf("one source never sends; ctx cancelled a minute later: Merge delivered %q (closed: %v), want nothing and the channel closed", got, closed)
			}
		})
	})
}
