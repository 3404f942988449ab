package pool

import (
	"context"
	"errors"
	"fmt"
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
			t.Fatalf("goroutine leak: when the test ended, a goroutine started by Process was still blocked and would never exit (a worker waiting for jobs, or a send nobody receives?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: Process never returned; it and its workers were all blocked, waiting for each other")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var (
	testErrTestBoom  = errors.New("boom")
	testErrTestLater = errors.New("a later error")
)

type testCtxKey struct{}

// testProbe wraps a job function and measures how Process calls it: how
// many calls run at once, at most, and how many started after their
// context had ended.
type testProbe struct {
	inFlight   atomic.Int32
	maxFlight  atomic.Int32
	calls      atomic.Int32
	afterEnd   atomic.Int32
	noCtxValue atomic.Int32
	do         func(ctx context.Context, j Job) (Result, error)
}

func (p *testProbe) fn(ctx context.Context, j Job) (Result, error) {
	p.calls.Add(1)
	if ctx.Err() != nil {
		p.afterEnd.Add(1)
	}
	if ctx.Value(testCtxKey{}) != "caller" {
		p.noCtxValue.Add(1)
	}
	n := p.inFlight.Add(1)
	for {
		m := p.maxFlight.Load()
		if n <= m || p.maxFlight.CompareAndSwap(m, n) {
			break
		}
	}
	defer p.inFlight.Add(-1)
	return p.do(ctx, j)
}

// testSquare takes d (ignoring its context) and squares the job's N.
func testSquare(d func(Job) time.Duration) func(context.Context, Job) (Result, error) {
	return func(_ context.Context, j Job) (Result, error) {
		time.Sleep(d(j))
		return Result{JobID: j.ID, Value: j.N * j.N}, nil
	}
}

func testJobs(n int) []Job {
	jobs := make([]Job, n)
	for i := range jobs {
		jobs[i] = Job{ID: i, N: i + 1}
	}
	return jobs
}

func testCallerCtx() context.Context {
	return context.WithValue(context.Background(), testCtxKey{}, "caller")
}

// testRun calls Process and checks what must hold however it returned:
// no call of fn still running, and fn's context derived from the caller's.
func testRun(t *testing.T, ctx context.Context, p *testProbe, jobs []Job, workers int) ([]Result, error, time.Duration) {
	t.Helper()
	start := time.Now()
	res, err := Process(ctx, jobs, workers, p.fn)
	elapsed := time.Since(start)
	if n := p.inFlight.Load(); n != 0 {
		t.Errorf("Process returned while %d calls of fn were still running: wait for every worker (sync.WaitGroup) before returning", n)
	}
	if n := p.noCtxValue.Load(); n > 0 {
		t.Errorf("%d calls of fn got a context that does not come from the caller's ctx: derive it from ctx", n)
	}
	return res, err, elapsed
}

func TestProcessResultsInOrder(t *testing.T) {
	for _, c := range []struct {
		jobs, workers int
	}{
		{0, 4}, {1, 4}, {3, 10}, {1000, 8}, {5, 0}, {5, -1},
	} {
		t.Run(fmt.Sprintf("%d jobs, %d workers", c.jobs, c.workers), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				// Jobs take 1 to 7 ms, so they finish out of order.
				p := &testProbe{do: testSquare(func(j Job) time.Duration { return time.Duration(j.ID%7+1) * time.Millisecond })}
				jobs := testJobs(c.jobs)
				res, err, _ := testRun(t, testCallerCtx(), p, jobs, c.workers)
				if err != nil {
					t.Fatalf("Process(%d jobs, %d workers) returned error %v, want nil", c.jobs, c.workers, err)
				}
				if len(res) != len(jobs) {
					t.Fatalf("Process(%d jobs, %d workers) returned %d results, want %d", c.jobs, c.workers, len(res), len(jobs))
				}
				for i, j := range jobs {
					if want := (Result{JobID: j.ID, Value: j.N * j.N}); res[i] != want {
						t.Fatalf("Process(%d jobs, %d workers): results[%d] = %+v, want %+v: results[i] must be the result of jobs[i], whatever order the jobs finish in", c.jobs, c.workers, i, res[i], want)
					}
				}
				if n := p.calls.Load(); int(n) != len(jobs) {
					t.Errorf("fn was called %d times for %d jobs, want once per job", n, len(jobs))
				}
			})
		})
	}
}

// TestProcessBound runs 20 jobs of 10ms each: with w workers, exactly w run
// at once, and the whole takes ceil(20/w) * 10ms.
func TestProcessBound(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("%d workers", workers), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				p := &testProbe{do: testSquare(func(Job) time.Duration { return 10 * time.Millisecond })}
				_, err, elapsed := testRun(t, testCallerCtx(), p, testJobs(20), workers)
				if err != nil {
					t.Fatalf("Process returned error %v, want nil", err)
				}
				if got := p.maxFlight.Load(); int(got) > workers {
					t.Errorf("%d calls of fn ran at the same time with workers = %d: never run more than workers at once", got, workers)
				} else if int(got) < workers {
					t.Errorf("at most %d calls of fn ran at the same time with workers = %d and 20 jobs: use all the workers", got, workers)
				}
				want := time.Duration((20+workers-1)/workers) * 10 * time.Millisecond
				if elapsed != want {
					t.Errorf("20 jobs of 10ms with %d workers took %v, want %v", workers, elapsed, want)
				}
			})
		})
	}
}

// TestProcessFirstError makes one job fail: the others must see their
// context cancelled, and the first error must be the one returned.
func TestProcessFirstError(t *testing.T) {
	t.Run("others stop early", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			p := &testProbe{do: func(ctx context.Context, j Job) (Result, error) {
				if j.ID == 1 {
					time.Sleep(5 * time.Millisecond)
					return Result{}, testErrTestBoom
				}
				select { // a well-behaved call: stops when its context ends
				case <-time.After(time.Hour):
					return Result{JobID: j.ID}, nil
				case <-ctx.Done():
					return Result{}, ctx.Err()
				}
			}}
			_, err, elapsed := testRun(t, testCallerCtx(), p, testJobs(10), 3)
			if !errors.Is(err, testErrTestBoom) || errors.Is(err, context.Canceled) {
				t.Errorf("job 1 failed with %q and the other calls returned ctx.Err(): Process returned %v, want the first error (and not the context.Canceled errors it caused)", testErrTestBoom, err)
			}
			if elapsed != 5*time.Millisecond {
				t.Errorf("job 1 failed after 5ms; the others wait for their context, which must be cancelled then; Process returned after %v, want 5ms", elapsed)
			}
		})
	})
	t.Run("the first of two errors", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			p := &testProbe{do: func(ctx context.Context, j Job) (Result, error) {
				switch j.ID {
				case 0:
					time.Sleep(5 * time.Millisecond)
					return Result{}, testErrTestBoom
				case 1: // ignores its context, fails later
					time.Sleep(8 * time.Millisecond)
					return Result{}, testErrTestLater
				}
				<-ctx.Done()
				return Result{}, ctx.Err()
			}}
			_, err, elapsed := testRun(t, testCallerCtx(), p, testJobs(6), 2)
			if !errors.Is(err, testErrTestBoom) || errors.Is(err, testErrTestLater) {
				t.Errorf("job 0 failed at 5ms, job 1 at 8ms: Process returned %v, want only the first error, %q", err, testErrTestBoom)
			}
			if elapsed != 8*time.Millisecond {
				t.Errorf("job 0 fails at 5ms while job 1, running beside it on the other worker and ignoring its context, returns at 8ms: Process returned after %v, want 8ms (it must wait for running calls)", elapsed)
			}
		})
	})
}

// TestProcessCallerCancels cancels the caller's context at 25ms, in the
// middle of 100 jobs of 10ms on 4 workers.
func TestProcessCallerCancels(t *testing.T) {
	for _, c := range []struct {
		name  string
		do    func(context.Context, Job) (Result, error)
		after time.Duration
	}{
		{"calls that stop when their context ends", func(ctx context.Context, j Job) (Result, error) {
			select {
			case <-time.After(10 * time.Millisecond):
				return Result{JobID: j.ID}, nil
			case <-ctx.Done():
				return Result{}, ctx.Err()
			}
		}, 25 * time.Millisecond},
		{"calls that ignore their context", testSquare(func(Job) time.Duration { return 10 * time.Millisecond }), 30 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				ctx, cancel := context.WithCancel(testCallerCtx())
				defer cancel()
				time.AfterFunc(25*time.Millisecond, cancel)
				p := &testProbe{do: c.do}
				_, err, elapsed := testRun(t, ctx, p, testJobs(100), 4)
				if !errors.Is(err, context.Canceled) {
					t.Errorf("the caller cancelled ctx at 25ms: Process returned %v, want context.Canceled", err)
				}
				if elapsed != c.after {
					t.Errorf("the caller cancelled ctx at 25ms: Process returned after %v, want %v", elapsed, c.after)
				}
				if n := p.afterEnd.Load(); n > 0 {
					t.Errorf("%d calls of fn started after ctx was cancelled: once ctx is done, start no new call", n)
				}
			})
		})
	}
}
