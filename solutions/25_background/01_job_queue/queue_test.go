package queue

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

// bubble runs f in a synctest bubble (fake time; goroutines still blocked
// when f returns are a leak) and turns the bubble's reports into failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, goroutines started by the queue were still blocked (jobs still running after Stop returned, or workers waiting for jobs that never come)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: Stop never returned; it and the workers were all blocked, waiting for each other")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testProbe counts the jobs it runs and how many run at once.
type testProbe struct {
	started, finished, inFlight, maxFlight, cancelled atomic.Int32
}

// job returns a job that takes d, or stops early when its context ends.
func (p *testProbe) job(d time.Duration) func(context.Context) {
	return func(ctx context.Context) {
		p.started.Add(1)
		n := p.inFlight.Add(1)
		for {
			m := p.maxFlight.Load()
			if n <= m || p.maxFlight.CompareAndSwap(m, n) {
				break
			}
		}
		defer p.inFlight.Add(-1)
		defer p.finished.Add(1)
		select {
		case <-time.After(d):
		case <-ctx.Done():
			p.cancelled.Add(1)
		}
	}
}

func testSubmit(t *testing.T, q *Queue, job func(context.Context)) {
	t.Helper()
	if err := q.Submit(job); err != nil {
		t.Fatalf("Submit on a queue with room = %v, want nil", err)
	}
}

// TestBound submits 10 jobs of 10ms to a queue of w workers: exactly w run
// at once, and Stop returns when the last is done, after ceil(10/w) * 10ms.
func TestBound(t *testing.T) {
	for _, workers := range []int{1, 3, 4} {
		t.Run(fmt.Sprintf("%d workers", workers), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				start := time.Now()
				q := New(workers, 100)
				p := &testProbe{}
				for range 10 {
					testSubmit(t, q, p.job(10*time.Millisecond))
				}
				if err := q.Stop(context.Background()); err != nil {
					t.Fatalf("Stop(context.Background()) = %v, want nil", err)
				}
				elapsed := time.Since(start)
				if got := p.maxFlight.Load(); int(got) > workers {
					t.Errorf("New(%d, 100): %d jobs ran at the same time, want at most %d", workers, got, workers)
				} else if int(got) < workers {
					t.Errorf("New(%d, 100) with 10 jobs queued: at most %d jobs ran at the same time, want %d (every worker busy)", workers, got, workers)
				}
				if n := p.finished.Load(); n != 10 {
					t.Errorf("Stop returned after %d of the 10 queued jobs finished, want all 10", n)
				}
				if want := time.Duration((10+workers-1)/workers) * 10 * time.Millisecond; elapsed != want {
					t.Errorf("10 jobs of 10ms on %d workers: Stop returned after %v, want %v", workers, elapsed, want)
				}
			})
		})
	}
}

// TestBacklog fills a queue of 1 worker and a backlog of 2.
func TestBacklog(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		q := New(1, 2)
		release := make(chan struct{})
		var ran atomic.Int32
		testSubmit(t, q, func(context.Context) { <-release; ran.Add(1) })
		synctest.Wait() // the worker has taken the first job
		for i := range 2 {
			if err := q.Submit(func(context.Context) { ran.Add(1) }); err != nil {
				t.Fatalf("New(1, 2), 1 job running: Submit of waiting job %d = %v, want nil", i+1, err)
			}
		}
		if err := q.Submit(func(context.Context) { ran.Add(1) }); !errors.Is(err, ErrQueueFull) {
			t.Errorf("New(1, 2), 1 job running and 2 waiting: Submit = %v, want ErrQueueFull", err)
		}
		close(release)
		if err := q.Stop(context.Background()); err != nil {
			t.Fatalf("Stop(context.Background()) = %v, want nil", err)
		}
		if n := ran.Load(); n != 3 {
			t.Errorf("%d jobs ran, want 3 (the running one and the 2 accepted)", n)
		}
	})
}

// TestStopDrains checks that Stop lets queued jobs finish and that Submit
// is refused afterwards.
func TestStopDrains(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		start := time.Now()
		q := New(2, 10)
		p := &testProbe{}
		for range 6 {
			testSubmit(t, q, p.job(10*time.Millisecond))
		}
		if err := q.Stop(context.Background()); err != nil {
			t.Fatalf("Stop(context.Background()) = %v, want nil", err)
		}
		if n := p.inFlight.Load(); n != 0 {
			t.Errorf("Stop returned while %d jobs were still running, want it to wait for them", n)
		}
		if n := p.finished.Load(); n != 6 {
			t.Errorf("6 jobs queued on 2 workers: %d had finished when Stop returned, want 6 (Stop drains the queue)", n)
		}
		if elapsed := time.Since(start); elapsed != 30*time.Millisecond {
			t.Errorf("6 jobs of 10ms on 2 workers: Stop returned after %v, want 30ms", elapsed)
		}
		if err := q.Submit(p.job(time.Millisecond)); !errors.Is(err, ErrStopped) {
			t.Errorf("Submit after Stop = %v, want ErrStopped", err)
		}
	})
}

// TestStopDeadline stops a queue whose jobs take an hour, with a context
// that ends after 5ms.
func TestStopDeadline(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		q := New(2, 10)
		p := &testProbe{}
		for range 5 {
			testSubmit(t, q, p.job(time.Hour))
		}
		synctest.Wait()
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
		defer cancel()
		err := q.Stop(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Stop with a 5ms deadline while jobs of an hour run = %v, want context.DeadlineExceeded", err)
		}
		if elapsed := time.Since(start); elapsed != 5*time.Millisecond {
			t.Errorf("Stop with a 5ms deadline returned after %v, want 5ms (cancel the jobs' context when ctx ends)", elapsed)
		}
		if n := p.cancelled.Load(); n != 2 {
			t.Errorf("%d running jobs saw their context cancelled, want 2 (one per worker)", n)
		}
		if n := p.started.Load(); n != 2 {
			t.Errorf("5 jobs queued on 2 workers, Stop's deadline passed: %d jobs started, want 2 (drop the jobs not yet started)", n)
		}
		if n := p.inFlight.Load(); n != 0 {
			t.Errorf("Stop returned while %d jobs were still running, want it to wait for them", n)
		}
	})
}
