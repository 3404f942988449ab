package scheduler

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble (fake time) and turns the panic
// synctest raises for goroutines left blocked into an ordinary failure.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("everything was blocked forever (a deadlock): %v", msg)
			}
			t.Fatalf("goroutines were still running after the jobs were stopped and waited for (a leak): %v", msg)
		}
	}()
	synctest.Test(t, f)
}

// testCounter counts the runs of each job by name, safely from many goroutines.
type testCounter struct {
	mu   sync.Mutex
	runs map[string]int
}

func (c *testCounter) job(name string, every time.Duration) Job {
	return Job{Name: name, Every: every, Run: func(context.Context) {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.runs[name]++
	}}
}

func (c *testCounter) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.runs))
	for k, v := range c.runs {
		out[k] = v
	}
	return out
}

// testCheckRuns compares the runs of every job with want.
func testCheckRuns(t *testing.T, after time.Duration, jobs []Job, got, want map[string]int) {
	t.Helper()
	for _, j := range jobs {
		if got[j.Name] != want[j.Name] {
			t.Errorf("after %v: job %q (every %v) ran %d times, want %d", after, j.Name, j.Every, got[j.Name], want[j.Name])
		}
	}
	if t.Failed() {
		t.Logf("all runs: %v; each goroutine must run its own job, not whichever job the loop variable holds when the goroutine looks at it", got)
	}
}

func TestEachJobRunsOnItsOwnSchedule(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		c := &testCounter{runs: map[string]int{}}
		jobs := []Job{
			c.job("flush-metrics", time.Second),
			c.job("rotate-logs", 2*time.Second),
			c.job("purge-sessions", 3*time.Second),
		}
		ctx, cancel := context.WithCancel(t.Context())
		wait := Start(ctx, jobs)
		const after = 6*time.Second + 500*time.Millisecond
		time.Sleep(after)
		got := c.snapshot()
		cancel()
		wait()
		testCheckRuns(t, after, jobs, got, map[string]int{"flush-metrics": 6, "rotate-logs": 3, "purge-sessions": 2})
	})
}

func TestManyJobsWithTheSameInterval(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		c := &testCounter{runs: map[string]int{}}
		var jobs []Job
		want := map[string]int{}
		for i := range 10 {
			name := fmt.Sprintf("job-%d", i)
			jobs = append(jobs, c.job(name, time.Minute))
			want[name] = 3
		}
		ctx, cancel := context.WithCancel(t.Context())
		wait := Start(ctx, jobs)
		const after = 3*time.Minute + 30*time.Second
		time.Sleep(after)
		got := c.snapshot()
		cancel()
		wait()
		testCheckRuns(t, after, jobs, got, want)
	})
}

func TestJobsStopWhenCancelled(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		c := &testCounter{runs: map[string]int{}}
		jobs := []Job{c.job("a", time.Second), c.job("b", time.Second)}
		ctx, cancel := context.WithCancel(t.Context())
		wait := Start(ctx, jobs)
		time.Sleep(2*time.Second + 500*time.Millisecond)
		cancel()
		wait()
		before := c.snapshot()
		time.Sleep(10 * time.Second)
		if after := c.snapshot(); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("jobs kept running after ctx was cancelled and wait returned: runs went from %v to %v", before, after)
		}
	})
}

func TestNoJobs(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		wait := Start(ctx, nil)
		cancel()
		wait()
	})
}
