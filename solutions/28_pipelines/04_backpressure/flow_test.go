package flow

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble (fake time; goroutines still
// blocked at the end are a leak) and turns its reports into failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine started by Run was still blocked and would never exit (a send or receive that does not also watch ctx.Done()?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: every goroutine is blocked and Run never returned (a stage blocked on a send or receive that does not also watch ctx.Done()?)")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testCalls watches the calls Run makes to a source and a sink.
type testCalls struct {
	active   atomic.Int32 // calls running now
	reads    atomic.Int32 // records returned by Next
	returned atomic.Bool  // Run has returned
	late     atomic.Int32 // calls made after Run returned
	atReturn atomic.Int32 // calls running when Run returned
}

func (c *testCalls) enter() {
	if c.returned.Load() {
		c.late.Add(1)
	}
	c.active.Add(1)
}

func (c *testCalls) leave() { c.active.Add(-1) }

// testSource returns "rec-1", "rec-2", …: limit of them then io.EOF (no
// limit when limit is 0), or failErr as its failAt-th result. With wait,
// every Next waits that long first; with block, Next blocks until ctx ends;
// with blockAfter, it does so after that many records, and then takes a
// second to return.
type testSource struct {
	calls      *testCalls
	limit      int
	failAt     int
	failErr    error
	wait       time.Duration
	block      bool
	blockAfter int
	n          int
}

func (s *testSource) Next(ctx context.Context) (string, error) {
	s.calls.enter()
	defer s.calls.leave()
	if s.block {
		<-ctx.Done()
		return "", ctx.Err()
	}
	if s.blockAfter > 0 && s.n == s.blockAfter {
		<-ctx.Done()
		time.Sleep(time.Second)
		return "", ctx.Err()
	}
	if s.wait > 0 {
		time.Sleep(s.wait)
	}
	if s.limit > 0 && s.n == s.limit {
		return "", io.EOF
	}
	s.n++
	if s.n == s.failAt {
		return "", s.failErr
	}
	s.calls.reads.Add(1)
	return fmt.Sprintf("rec-%d", s.n), nil
}

// testSink records what it is given. With block, Write blocks until ctx
// ends; with wait, each Write takes that long (ignoring ctx).
type testSink struct {
	calls   *testCalls
	block   bool
	wait    time.Duration
	failAt  int
	failErr error
	mu      sync.Mutex
	got     []string
}

func (s *testSink) Write(ctx context.Context, rec string) error {
	s.calls.enter()
	defer s.calls.leave()
	if s.block {
		<-ctx.Done()
		return ctx.Err()
	}
	if s.wait > 0 {
		time.Sleep(s.wait)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.got)+1 == s.failAt {
		return s.failErr
	}
	s.got = append(s.got, rec)
	return nil
}

func (s *testSink) written() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.got)
}

func testUpper(s string) (string, error) { return strings.ToUpper(s), nil }

// testStart runs Run in a goroutine; the channel delivers its error.
func testStart(ctx context.Context, calls *testCalls, src Source, tf func(string) (string, error), sink Sink, buffer int) <-chan error {
	done := make(chan error, 1)
	go func() {
		err := Run(ctx, src, tf, sink, buffer)
		calls.returned.Store(true)
		calls.atReturn.Store(calls.active.Load())
		done <- err
	}()
	return done
}

// testAfter checks what happened after Run returned.
func testAfter(t *testing.T, calls *testCalls, what string) {
	t.Helper()
	synctest.Wait()
	if n := calls.atReturn.Load(); n > 0 {
		t.Errorf("%s: %d call(s) to Next or Write were still running when Run returned: wait for every stage to finish before returning", what, n)
	}
	if n := calls.late.Load(); n > 0 {
		t.Errorf("%s: %d call(s) to Next or Write were made after Run returned: wait for every stage to finish before returning", what, n)
	}
}

func TestDeliversInOrder(t *testing.T) {
	for _, buffer := range []int{0, 1, 4} {
		for _, n := range []int{0, 1, 50} {
			t.Run(fmt.Sprintf("%d records, buffer %d", n, buffer), func(t *testing.T) {
				testBubble(t, func(t *testing.T) {
					calls := &testCalls{}
					src := &testSource{calls: calls, limit: n}
					if n == 0 {
						src.limit, src.failAt, src.failErr = 0, 1, io.EOF
					}
					sink := &testSink{calls: calls}
					err := <-testStart(t.Context(), calls, src, testUpper, sink, buffer)
					var want []string
					for i := 1; i <= n; i++ {
						want = append(want, fmt.Sprintf("REC-%d", i))
					}
					if got := sink.written(); err != nil || !slices.Equal(got, want) {
						t.Errorf("Run over %d records (ToUpper, buffer %d) = %v and wrote %d records %.60v; want nil and %d records %.60v", n, buffer, err, len(got), got, n, want)
					}
					testAfter(t, calls, "Run over all records")
				})
			})
		}
	}
}

func TestBackpressure(t *testing.T) {
	for _, buffer := range []int{0, 4} {
		t.Run(fmt.Sprintf("sink blocked, buffer %d", buffer), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				calls := &testCalls{}
				done := testStart(ctx, calls, &testSource{calls: calls}, testUpper, &testSink{calls: calls, block: true}, buffer)
				time.Sleep(time.Hour)
				synctest.Wait()
				if reads, limit := calls.reads.Load(), int32(2*buffer+3); reads > limit {
					t.Errorf("the sink blocked on its first record, and an endless source was read %d times, want at most 2·buffer+3 = %d: the stages must be connected by channels of capacity buffer, so that a slow sink holds the source back", reads, limit)
				}
				cancel()
				synctest.Wait()
				select {
				case err := <-done:
					if !errors.Is(err, context.Canceled) {
						t.Errorf("Run with the sink blocked, after cancelling ctx = %v, want context.Canceled", err)
					}
				default:
					t.Fatalf("Run with the sink blocked did not return after ctx was cancelled")
				}
				testAfter(t, calls, "Run with the sink blocked, after cancelling ctx")
			})
		})
	}
	// A writer that selects on ctx.Done() and on its input without checking
	// ctx.Err() before Write writes after cancellation only when select
	// happens to pick the record (half the time): the scenario runs
	// testRounds times, so that such a writer is caught every time, not by
	// chance.
	t.Run("slow sink, buffer 2", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			for range testRounds {
				if !testSlowSink(t) {
					return
				}
			}
		})
	})
}

// testRounds is how often a check that can pass by chance is repeated.
const testRounds = 20

// testSlowSink cancels ctx while a sink that takes 1s per record is in a
// Write and records wait in the channels; it reports whether all was well.
func testSlowSink(t *testing.T) bool {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	calls := &testCalls{}
	sink := &testSink{calls: calls, wait: time.Second}
	done := testStart(ctx, calls, &testSource{calls: calls}, testUpper, sink, 2)
	time.Sleep(10*time.Second + 500*time.Millisecond)
	written := len(sink.written())
	if written != 10 {
		t.Errorf("a sink that takes 1s per record wrote %d records in 10.5s, want 10", written)
	}
	if reads, limit := calls.reads.Load(), int32(written+1+2*2+3); reads > limit {
		t.Errorf("a sink that takes 1s per record wrote %d records in 10.5s while the source was read %d times, want at most %d (2·buffer+3 ahead): a slow sink must slow the source down", written, reads, limit)
	}
	cancel()
	time.Sleep(5 * time.Second)
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run with a slow sink, ctx cancelled at 10.5s = %v, want context.Canceled", err)
		}
	default:
		t.Fatalf("Run with a slow sink did not return within 5s after ctx was cancelled")
	}
	if after := len(sink.written()); after > written+1 {
		t.Errorf("ctx was cancelled at 10.5s with %d records written; %d were written in the end, want at most %d (the write then in progress): after cancellation, write nothing more (a select on ctx.Done() and on a channel that also has a record picks either case at random: check ctx.Err() before each Write)", written, after, written+1)
	}
	testAfter(t, calls, "Run with a slow sink, ctx cancelled")
	return !t.Failed()
}

func TestCancelWhileSourceWaits(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		calls := &testCalls{}
		done := testStart(ctx, calls, &testSource{calls: calls, block: true}, testUpper, &testSink{calls: calls}, 2)
		time.Sleep(time.Second)
		cancel()
		synctest.Wait()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Run with a source that waits, ctx cancelled = %v, want context.Canceled", err)
			}
		default:
			t.Fatalf("Run with a source that waits did not return after ctx was cancelled")
		}
		testAfter(t, calls, "Run with a source that waits, ctx cancelled")
	})
	t.Run("deadline", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
			defer cancel()
			calls := &testCalls{}
			done := testStart(ctx, calls, &testSource{calls: calls}, testUpper, &testSink{calls: calls, block: true}, 2)
			time.Sleep(4 * time.Second)
			synctest.Wait()
			select {
			case err := <-done:
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("Run with a blocked sink and a 3s deadline = %v, want context.DeadlineExceeded", err)
				}
			default:
				t.Fatalf("Run with a blocked sink and a 3s deadline had not returned at 4s")
			}
		})
	})
}

func TestFirstErrorStopsEverything(t *testing.T) {
	boom := errors.New("boom")
	for _, c := range []struct {
		name string
		src  func(*testCalls) *testSource
		tf   func(string) (string, error)
		sink func(*testCalls) *testSink
	}{
		{
			name: "source fails at its 5th record",
			src:  func(c *testCalls) *testSource { return &testSource{calls: c, failAt: 5, failErr: boom} },
			tf:   testUpper,
			sink: func(c *testCalls) *testSink { return &testSink{calls: c, wait: time.Second} },
		},
		{
			name: "transform fails on rec-5",
			src:  func(c *testCalls) *testSource { return &testSource{calls: c, wait: time.Millisecond} },
			tf: func(s string) (string, error) {
				if s == "rec-5" {
					return "", boom
				}
				return strings.ToUpper(s), nil
			},
			sink: func(c *testCalls) *testSink { return &testSink{calls: c} },
		},
		{
			name: "sink fails on its 5th record",
			src:  func(c *testCalls) *testSource { return &testSource{calls: c, wait: time.Millisecond} },
			tf:   testUpper,
			sink: func(c *testCalls) *testSink { return &testSink{calls: c, failAt: 5, failErr: boom} },
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				calls := &testCalls{}
				done := testStart(t.Context(), calls, c.src(calls), c.tf, c.sink(calls), 2)
				time.Sleep(time.Minute)
				synctest.Wait()
				select {
				case err := <-done:
					if !errors.Is(err, boom) {
						t.Errorf("Run over an endless source, when the %s = %v, want the error %v", c.name, err, boom)
					}
				default:
					t.Fatalf("Run over an endless source, when the %s, had not returned a minute later: the first error must stop every stage", c.name)
				}
				testAfter(t, calls, "Run after the "+c.name)
			})
		})
	}
}

// TestWaitsForEveryStage fails the sink while the reader is inside a call
// to Next that takes a second to return once ctx is cancelled.
func TestWaitsForEveryStage(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		boom := errors.New("boom")
		calls := &testCalls{}
		src := &testSource{calls: calls, blockAfter: 2}
		sink := &testSink{calls: calls, failAt: 2, failErr: boom}
		done := testStart(t.Context(), calls, src, testUpper, sink, 2)
		time.Sleep(time.Minute)
		synctest.Wait()
		select {
		case err := <-done:
			if !errors.Is(err, boom) {
				t.Errorf("Run, when the sink fails on its 2nd record while the source is inside Next = %v, want the error %v", err, boom)
			}
			if calls.atReturn.Load() > 0 || calls.late.Load() > 0 {
				t.Errorf("Run, when the sink fails on its 2nd record while the source is inside Next, returned before that call to Next did (or called Next again after): wait for every stage to finish before returning")
			}
		default:
			t.Fatalf("Run, when the sink fails on its 2nd record while the source is inside Next, had not returned a minute later")
		}
	})
}
