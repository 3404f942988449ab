package stream

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
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
			t.Fatalf("goroutine leak: when the test ended, a goroutine started by Take was still blocked (on a channel, a select or a sleep) and would never exit")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: Take never returned; it and the goroutines it started were all blocked, waiting for each other")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

type testCtxKey struct{}

// testProducer counts 0, 1, 2, ... on out, waiting every between values,
// until its context is done or limit values are sent (then it only waits
// for its context). It records whether it is running and what context it
// got.
type testProducer struct {
	every   time.Duration
	limit   int // 0: no limit
	running atomic.Bool
	ctx     atomic.Pointer[context.Context]
}

func (p *testProducer) produce(ctx context.Context, out chan<- int) {
	p.running.Store(true)
	defer p.running.Store(false)
	p.ctx.Store(&ctx)
	for i := 0; p.limit == 0 || i < p.limit; i++ {
		if p.every > 0 {
			select {
			case <-time.After(p.every):
			case <-ctx.Done():
				return
			}
		}
		select {
		case out <- i:
		case <-ctx.Done():
			return
		}
	}
	<-ctx.Done()
}

func TestTakeReturnsFirstValues(t *testing.T) {
	for _, n := range []int{0, 1, 5} {
		t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				// A caller that never cancels: Take alone must stop the producer.
				p := &testProducer{}
				got, err := Take(context.Background(), n, p.produce)
				want := make([]int, n)
				for i := range want {
					want[i] = i
				}
				if err != nil || !slices.Equal(got, want) {
					t.Errorf("Take(ctx, %d, counter) = %v, %v; want %v, nil", n, got, err, want)
				}
			})
		})
	}
}

// TestTakeStopsProducer checks that the producer's context is cancelled by
// the time Take returns, and that the producer really stops.
func TestTakeStopsProducer(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel() // after the checks: lets a producer Take forgot finish
		p := &testProducer{}
		if _, err := Take(ctx, 3, p.produce); err != nil {
			t.Fatalf("Take(ctx, 3, counter) returned error %v, want nil", err)
		}
		pctx := p.ctx.Load()
		if pctx == nil {
			t.Fatal("Take returned without starting the producer")
		}
		if (*pctx).Err() == nil {
			t.Errorf("when Take returned, the producer's context was not cancelled: the producer keeps running (a goroutine leak); derive it with context.WithCancel(ctx) and defer cancel()")
		}
		synctest.Wait() // let the producer react
		if p.running.Load() {
			t.Errorf("the producer was still running after Take returned: a goroutine leak")
		}
	})
}

// TestTakeProducerContextComesFromCaller checks that the producer's context
// is derived from the caller's: it carries the caller's values.
func TestTakeProducerContextComesFromCaller(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx := context.WithValue(t.Context(), testCtxKey{}, "request-42")
		p := &testProducer{}
		Take(ctx, 1, p.produce)
		pctx := p.ctx.Load()
		if pctx == nil {
			t.Fatal("Take returned without starting the producer")
		}
		if got := (*pctx).Value(testCtxKey{}); got != "request-42" {
			t.Errorf("the producer's context does not carry the caller's values (got %v): derive it from ctx, not from context.Background()", got)
		}
	})
}

// TestTakeCallerCancels cancels the caller's context while Take waits for a
// value that never comes.
func TestTakeCallerCancels(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		p := &testProducer{limit: 2} // sends 0 and 1, then waits for its context
		type result struct {
			got []int
			err error
		}
		done := make(chan result, 1)
		go func() {
			got, err := Take(ctx, 5, p.produce)
			done <- result{got, err}
		}()
		synctest.Wait() // Take has received 0 and 1 and waits for more
		cancel()
		synctest.Wait()
		select {
		case r := <-done:
			if !errors.Is(r.err, context.Canceled) || !slices.Equal(r.got, []int{0, 1}) {
				t.Errorf("ctx cancelled after 2 of 5 values: Take = %v, %v; want [0 1], context.Canceled", r.got, r.err)
			}
		default:
			t.Fatalf("the caller cancelled ctx, but Take did not return: while waiting for a value, also wait for <-ctx.Done() (a select) and return ctx.Err()")
		}
	})
}

// TestTakeDeadline gives Take a context with a timeout and a slow producer.
func TestTakeDeadline(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 2500*time.Millisecond)
		defer cancel()
		p := &testProducer{every: time.Second} // a value at 1s, 2s, 3s, ...
		start := time.Now()
		got, err := Take(ctx, 10, p.produce)
		elapsed := time.Since(start)
		if !errors.Is(err, context.DeadlineExceeded) || !slices.Equal(got, []int{0, 1}) {
			t.Errorf("one value per second, ctx times out after 2.5s: Take(ctx, 10, slow) = %v, %v; want [0 1], context.DeadlineExceeded", got, err)
		}
		if elapsed != 2500*time.Millisecond {
			t.Errorf("Take returned after %v, want 2.5s (when ctx timed out)", elapsed)
		}
	})
}
