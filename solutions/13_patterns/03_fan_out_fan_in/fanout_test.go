package fanout

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble: time is fake (sleeps and timeouts
// pass at once, exactly), and goroutines still blocked when f ends are a
// leak. The bubble's reports become ordinary failures that say so.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine started by FanOut or Merge was still blocked and would never exit (sending or receiving without watching ctx.Done()?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the test waited for a value or a close that never came; every goroutine is blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testFeed returns a channel that delivers vals and then is closed.
func testFeed(vals ...int) <-chan int {
	ch := make(chan int, len(vals))
	for _, v := range vals {
		ch <- v
	}
	close(ch)
	return ch
}

// testCollect receives from ch until it is closed, or until nothing has
// happened for an hour of fake time (closed is then false). It returns the
// values sorted: fan-in keeps no order between inputs.
func testCollect(ch <-chan int) (got []int, closed bool) {
	defer func() { slices.Sort(got) }()
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return got, true
			}
			got = append(got, v)
		case <-time.After(time.Hour):
			return got, false
		}
	}
}

// testCollectAll collects every channel of chans at the same time.
func testCollectAll(chans []<-chan int) (got []int, allClosed bool) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	allClosed = true
	for _, ch := range chans {
		wg.Go(func() {
			vals, closed := testCollect(ch)
			mu.Lock()
			defer mu.Unlock()
			got = append(got, vals...)
			allClosed = allClosed && closed
		})
	}
	wg.Wait()
	slices.Sort(got)
	return got, allClosed
}

func testRange(from, to int) []int {
	var s []int
	for i := from; i <= to; i++ {
		s = append(s, i)
	}
	return s
}

func TestMerge(t *testing.T) {
	for _, c := range []struct {
		name   string
		inputs [][]int
	}{
		{"no channels", nil},
		{"one channel", [][]int{{1, 2, 3}}},
		{"three channels", [][]int{{1, 2}, {3}, {4, 5, 6}}},
		{"some empty", [][]int{{}, {7, 8}, {}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				var chans []<-chan int
				var want []int
				for _, in := range c.inputs {
					chans = append(chans, testFeed(in...))
					want = append(want, in...)
				}
				slices.Sort(want)
				got, closed := testCollect(Merge(context.Background(), chans...))
				if !slices.Equal(got, want) {
					t.Errorf("Merge of %v sent %v (sorted), want %v", c.inputs, got, want)
				}
				if !closed {
					t.Errorf("Merge of %v: every input is closed, but the output is not: close it once the last input is closed", c.inputs)
				}
			})
		})
	}
}

// TestMergeForwardsAtOnce has one input that is slow to send and one that
// is fast: the fast one's values must come through at once, not after the
// slow input is finished.
func TestMergeForwardsAtOnce(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		slow, fast := make(chan int), make(chan int)
		go func() {
			defer close(slow)
			time.Sleep(time.Second)
			slow <- 1
		}()
		go func() {
			defer close(fast)
			fast <- 2
			fast <- 3
		}()
		start := time.Now()
		var arrivals []string
		for v := range Merge(context.Background(), slow, fast) {
			arrivals = append(arrivals, fmt.Sprintf("%d at %v", v, time.Since(start)))
		}
		want := []string{"2 at 0s", "3 at 0s", "1 at 1s"}
		if !slices.Equal(arrivals, want) {
			t.Errorf("Merge(slow, fast): slow sends 1 at 1s; fast sends 2 and 3 at once; got %v, want %v: the values of fast waited behind slow", arrivals, want)
		}
	})
}

// TestMergeWaitsForEveryInput closes one input at once and the other later:
// the output must stay open until both are closed.
func TestMergeWaitsForEveryInput(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		early, late := make(chan int), make(chan int)
		close(early)
		go func() {
			defer close(late)
			time.Sleep(time.Second)
			late <- 42
		}()
		start := time.Now()
		var got []int
		for v := range Merge(context.Background(), early, late) {
			got = append(got, v)
		}
		if !slices.Equal(got, []int{42}) {
			t.Errorf("Merge(closed at once, sends 42 at 1s then closes) sent %v, want [42]: keep the output open until the last input is closed", got)
		}
		if elapsed := time.Since(start); elapsed != time.Second {
			t.Errorf("Merge's output was closed after %v, want 1s (when the last input closed)", elapsed)
		}
	})
}

// TestFanOut runs 12 values through 4 workers whose fn takes 10ms: all
// four must work at once, so the whole takes 30ms.
func TestFanOut(t *testing.T) {
	for _, n := range []int{1, 4, 0} {
		t.Run(fmt.Sprintf("%d workers", n), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				var inFlight, maxFlight atomic.Int32
				double := func(v int) int {
					m := inFlight.Add(1)
					defer inFlight.Add(-1)
					for {
						if old := maxFlight.Load(); m <= old || maxFlight.CompareAndSwap(old, m) {
							break
						}
					}
					time.Sleep(10 * time.Millisecond)
					return 2 * v
				}
				outs := FanOut(context.Background(), testFeed(testRange(1, 12)...), n, double)
				workers := max(n, 1)
				if len(outs) != workers {
					t.Fatalf("FanOut(ctx, in, %d, fn) returned %d channels, want %d", n, len(outs), workers)
				}
				start := time.Now()
				got, closed := testCollectAll(outs)
				elapsed := time.Since(start)
				if !closed {
					t.Fatalf("FanOut with %d workers: in is closed, but a worker's output is still open: close it when in is closed", n)
				}
				want := make([]int, 12)
				for i := range want {
					want[i] = 2 * (i + 1)
				}
				if !slices.Equal(got, want) {
					t.Errorf("FanOut(1..12, %d workers, double): outputs sent %v (sorted), want %v", n, got, want)
				}
				if m := maxFlight.Load(); int(m) != workers {
					t.Errorf("FanOut with %d workers: at most %d calls of fn ran at once, want %d: every worker receives from the same in", n, m, workers)
				}
				wantTime := time.Duration((12+workers-1)/workers) * 10 * time.Millisecond
				if elapsed != wantTime {
					t.Errorf("12 values, fn takes 10ms, %d workers: took %v, want %v", workers, elapsed, wantTime)
				}
			})
		})
	}
}

// TestFanOutThenMerge joins both halves.
func TestFanOutThenMerge(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		square := func(v int) int {
			time.Sleep(10 * time.Millisecond)
			return v * v
		}
		ctx := context.Background()
		start := time.Now()
		got, closed := testCollect(Merge(ctx, FanOut(ctx, testFeed(testRange(1, 20)...), 5, square)...))
		elapsed := time.Since(start)
		var want []int
		for i := 1; i <= 20; i++ {
			want = append(want, i*i)
		}
		slices.Sort(want)
		if !closed {
			t.Fatalf("Merge(FanOut(1..20, 5 workers, square)): the output was never closed")
		}
		if !slices.Equal(got, want) {
			t.Errorf("Merge(FanOut(1..20, 5 workers, square)) sent %v (sorted), want %v", got, want)
		}
		if elapsed != 40*time.Millisecond {
			t.Errorf("20 values, fn takes 10ms, 5 workers: took %v, want 40ms", elapsed)
		}
	})
}

// TestCancelStopsEverything stops reading after a few values and cancels:
// every worker and forwarder must stop, and the merged output be closed.
func TestCancelStopsEverything(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		src := make(chan int)
		go func() { // an endless source that stops with ctx
			for i := 0; ; i++ {
				select {
				case src <- i:
				case <-ctx.Done():
					return
				}
			}
		}()
		merged := Merge(ctx, FanOut(ctx, src, 3, func(v int) int { return v })...)
		for range 5 {
			<-merged
		}
		synctest.Wait() // everything is now blocked, waiting to send
		cancel()
		synctest.Wait()
		for range len(merged) {
			<-merged
		}
		select {
		case _, ok := <-merged:
			if ok {
				t.Errorf("after ctx was cancelled, Merge's output still delivered a value: stop forwarding when ctx ends")
			}
		default:
			t.Errorf("after ctx was cancelled, Merge's output is still open: every worker and forwarder must stop when ctx ends, and the output be closed")
		}
	})
}
