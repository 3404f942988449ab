package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
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
			t.Fatalf("goroutine leak: when the test ended, a stage's goroutine was still blocked and would never exit (sending to a consumer that stopped reading, or receiving from a stage that stopped sending, without watching ctx.Done()?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the pipeline stopped moving: every goroutine is blocked (does each stage close its output when its input is closed?)")
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

// testCollect receives from ch until it is closed, or until the pipeline
// has settled with ch still open (closed is then false).
func testCollect(ch <-chan int) (got []int, closed bool) {
	for {
		synctest.Wait()
		select {
		case v, ok := <-ch:
			if !ok {
				return got, true
			}
			got = append(got, v)
		default:
			return got, false
		}
	}
}

// testIsClosed reports whether ch is closed once the pipeline has settled.
// Values already in ch's buffer are skipped; any other value means a stage
// was still sending after it should have stopped.
func testIsClosed(ch <-chan int) bool {
	synctest.Wait()
	for range len(ch) {
		<-ch
	}
	select {
	case _, ok := <-ch:
		return !ok
	default:
		return false
	}
}

func TestGenerate(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		if got, closed := testCollect(Generate(context.Background(), 1, 2, 3)); !slices.Equal(got, []int{1, 2, 3}) || !closed {
			t.Errorf("Generate(ctx, 1, 2, 3) sent %v (closed: %v), want [1 2 3] and then close", got, closed)
		}
		if got, closed := testCollect(Generate(context.Background())); len(got) != 0 || !closed {
			t.Errorf("Generate(ctx) sent %v (closed: %v), want nothing and close", got, closed)
		}
	})
}

func TestSquare(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		for _, c := range []struct{ in, want []int }{
			{[]int{1, 2, 3, -4}, []int{1, 4, 9, 16}},
			{nil, nil},
		} {
			got, closed := testCollect(Square(context.Background(), testFeed(c.in...)))
			if !slices.Equal(got, c.want) {
				t.Errorf("Square of %v (then closed) sent %v, want %v", c.in, got, c.want)
			}
			if !closed {
				t.Errorf("Square of %v: its input was closed, but Square never closed its output, so a range over it never ends: close it when the stage is done (defer close(out))", c.in)
				return
			}
		}
	})
}

func TestSum(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		for _, vals := range [][]int{{}, {5}, {1, 2, 3, -4}} {
			want := 0
			for _, v := range vals {
				want += v
			}
			if got, err := Sum(context.Background(), testFeed(vals...)); got != want || err != nil {
				t.Errorf("Sum of %v (then closed) = %d, %v; want %d, nil", vals, got, err, want)
			}
		}
	})
}

func TestPipeline(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		nums := make([]int, 100)
		for i := range nums {
			nums[i] = i + 1
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel() // after the checks: unblocks a stuck stage
		type result struct {
			total int
			err   error
		}
		done := make(chan result, 1)
		go func() {
			total, err := Sum(ctx, Square(ctx, Generate(ctx, nums...)))
			done <- result{total, err}
		}()
		synctest.Wait()
		select {
		case r := <-done:
			if r.total != 338350 || r.err != nil {
				t.Errorf("Sum(Square(Generate(1..100))) = %d, %v; want 338350, nil", r.total, r.err)
			}
		default:
			t.Errorf("Sum(Square(Generate(1..100))) never returned: the pipeline stopped moving (does every stage close its output when its input is closed?)")
		}
	})
}

// TestCancelStopsEveryStage reads a few values from Generate → Square, then
// stops reading and cancels: every stage must stop and close its output.
func TestCancelStopsEveryStage(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		nums := make([]int, 1000)
		for i := range nums {
			nums[i] = i
		}
		squares := Square(ctx, Generate(ctx, nums...))
		for range 3 {
			<-squares
		}
		synctest.Wait() // every stage is now blocked, sending its next value
		cancel()
		if !testIsClosed(squares) {
			t.Errorf("after 3 of 1000 values the consumer stopped reading and cancelled ctx; Square's output is still open: a stage must stop, and close its output, when ctx ends, even while it is waiting to send")
		}
	})
}

// TestSquareStopsWhenUpstreamStalls cancels while Square waits for a value
// that never comes.
func TestSquareStopsWhenUpstreamStalls(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		stalled := make(chan int) // never sends, never closed
		out := Square(ctx, stalled)
		synctest.Wait()
		cancel()
		if !testIsClosed(out) {
			t.Errorf("Square waits on an input that never sends; after ctx was cancelled its output is still open: while receiving, also watch ctx.Done() (a select)")
		}
	})
}

// TestSumStopsOnCancel cancels at 1s while Sum waits on an input that is
// never closed.
func TestSumStopsOnCancel(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		in := make(chan int, 2)
		in <- 1
		in <- 2 // then nothing more, and never closed
		errs := make(chan error, 1)
		go func() {
			_, err := Sum(ctx, in)
			errs <- err
		}()
		time.Sleep(time.Second)
		cancel()
		synctest.Wait()
		select {
		case err := <-errs:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Sum on an input that is never closed, ctx cancelled: error %v, want context.Canceled", err)
			}
		default:
			t.Errorf("Sum waits on an input that is never closed; ctx was cancelled, but Sum did not return: while receiving, also watch ctx.Done() (a select)")
			close(in) // lets it finish
		}
	})
}
