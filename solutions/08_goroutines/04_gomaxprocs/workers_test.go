package workers

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testSetGOMAXPROCS sets GOMAXPROCS for one test and restores it afterwards.
func testSetGOMAXPROCS(t *testing.T, p int) {
	t.Helper()
	old := runtime.GOMAXPROCS(p)
	t.Cleanup(func() { runtime.GOMAXPROCS(old) })
}

// testRunBubble runs f in a synctest bubble: time is fake (sleeps are instant and
// exact), and goroutines still running when f ends are reported as a leak.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg := fmt.Sprint(r)
		switch {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutines started by RunAll were still running after it returned (a goroutine leak): RunAll must wait for all of them")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

func TestWorkers(t *testing.T) {
	tests := []struct {
		procs, n, want int
	}{
		{procs: 1, n: 10, want: 1},
		{procs: 3, n: 10, want: 3},
		{procs: 5, n: 100, want: 5},
		{procs: 5, n: 2, want: 2},
		{procs: 3, n: 3, want: 3},
		{procs: 4, n: 1, want: 1},
		{procs: 4, n: 0, want: 0},
		{procs: 4, n: -3, want: 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d n=%d", tt.procs, tt.n), func(t *testing.T) {
			testSetGOMAXPROCS(t, tt.procs)
			if got := Workers(tt.n); got != tt.want {
				t.Errorf("with GOMAXPROCS %d, Workers(%d) = %d, want %d", tt.procs, tt.n, got, tt.want)
			}
			if now := runtime.GOMAXPROCS(0); now != tt.procs {
				t.Errorf("Workers(%d) changed GOMAXPROCS from %d to %d: runtime.GOMAXPROCS(n) sets the value; only runtime.GOMAXPROCS(0) just reads it", tt.n, tt.procs, now)
			}
		})
	}
}

// testGauge counts the jobs running at the same moment.
type testGauge struct {
	mu            sync.Mutex
	running, most int
	done          []int
}

// jobs returns n jobs that each take d of (fake) time.
func (g *testGauge) jobs(n int, d time.Duration) []func() {
	g.done = make([]int, n)
	jobs := make([]func(), n)
	for i := range n {
		jobs[i] = func() {
			g.mu.Lock()
			g.running++
			g.most = max(g.most, g.running)
			g.mu.Unlock()
			time.Sleep(d)
			g.mu.Lock()
			g.running--
			g.done[i]++
			g.mu.Unlock()
		}
	}
	return jobs
}

func TestRunAll(t *testing.T) {
	tests := []struct {
		procs, jobs, wantAtOnce int
	}{
		{procs: 3, jobs: 10, wantAtOnce: 3},
		{procs: 4, jobs: 2, wantAtOnce: 2},
		{procs: 1, jobs: 5, wantAtOnce: 1},
		{procs: 2, jobs: 7, wantAtOnce: 2},
		{procs: 6, jobs: 6, wantAtOnce: 6},
		{procs: 3, jobs: 0, wantAtOnce: 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("GOMAXPROCS=%d jobs=%d", tt.procs, tt.jobs), func(t *testing.T) {
			testSetGOMAXPROCS(t, tt.procs)
			testRunBubble(t, func(t *testing.T) {
				var g testGauge
				RunAll(g.jobs(tt.jobs, time.Second))
				g.mu.Lock()
				defer g.mu.Unlock()
				for i, n := range g.done {
					if n != 1 {
						t.Errorf("RunAll of %d jobs: job %d ran %d times before RunAll returned, want exactly once", tt.jobs, i, n)
					}
				}
				if g.most != tt.wantAtOnce {
					t.Errorf("with GOMAXPROCS %d, RunAll of %d jobs had at most %d job(s) running at the same time, want %d: use exactly Workers(len(jobs)) goroutines, all working at once", tt.procs, tt.jobs, g.most, tt.wantAtOnce)
				}
			})
		})
	}
}

func TestRunAllManyQuickJobs(t *testing.T) {
	testSetGOMAXPROCS(t, 3)
	testRunBubble(t, func(t *testing.T) {
		var mu sync.Mutex
		counts := make([]int, 1000)
		jobs := make([]func(), len(counts))
		for i := range jobs {
			jobs[i] = func() {
				mu.Lock()
				counts[i]++
				mu.Unlock()
			}
		}
		RunAll(jobs)
		mu.Lock()
		defer mu.Unlock()
		for i, n := range counts {
			if n != 1 {
				t.Fatalf("RunAll of 1000 quick jobs: job %d ran %d times, want exactly once", i, n)
			}
		}
	})
}
