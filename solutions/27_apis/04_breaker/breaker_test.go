package breaker

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble (fake time), turning the bubble's
// reports of blocked goroutines into ordinary failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine was still blocked")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: a call never returned; every goroutine is blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var testErr = errors.New("dependency down")

// testCall calls b.Call with a function that returns err, and reports
// whether the function ran and what Call returned.
func testCall(b *Breaker, err error) (ran bool, got error) {
	got = b.Call(func() error {
		ran = true
		return err
	})
	return ran, got
}

// testOpen makes a New(3, 10s) breaker and opens it with 3 failures.
func testOpen(t *testing.T) *Breaker {
	t.Helper()
	b := New(3, 10*time.Second)
	for i := range 3 {
		if ran, _ := testCall(b, testErr); !ran {
			t.Fatalf("New(3, 10s): call %d (after %d failures) did not run f, want it run: the circuit opens at the 3rd consecutive failure", i+1, i)
		}
	}
	return b
}

// testWantOpen checks that a call now gets ErrOpen without running f.
func testWantOpen(t *testing.T, b *Breaker, when string) {
	t.Helper()
	start := time.Now()
	ran, err := testCall(b, nil)
	if ran || !errors.Is(err, ErrOpen) {
		t.Errorf("%s: Call ran f = %v, returned %v; want ErrOpen without running f", when, ran, err)
	}
	if d := time.Since(start); d != 0 {
		t.Errorf("%s: Call took %v, want it to fail fast", when, d)
	}
}

// testWantRun checks that a call now runs f and returns its error.
func testWantRun(t *testing.T, b *Breaker, err error, when string) {
	t.Helper()
	ran, got := testCall(b, err)
	if !ran || got != err {
		t.Errorf("%s: Call ran f = %v, returned %v; want f run and its error %v returned", when, ran, got, err)
	}
}

// TestCallsRunConcurrently needs real goroutines: two calls must be in f
// at the same time.
func TestCallsRunConcurrently(t *testing.T) {
	b := New(3, 10*time.Second)
	entered := make(chan struct{}, 2)
	both := make(chan struct{})
	f := func() error {
		entered <- struct{}{}
		select {
		case <-both:
		case <-time.After(10 * time.Second):
		}
		return nil
	}
	var wg sync.WaitGroup
	wg.Go(func() { b.Call(f) })
	wg.Go(func() { b.Call(f) })
	defer wg.Wait()
	defer close(both)
	timeout := time.After(3 * time.Second)
	for i := range 2 {
		select {
		case <-entered:
		case <-timeout:
			t.Fatalf("two goroutines call Call on a closed breaker: after 3s, %d of the 2 were in f, want both at once: a call must not wait for another call's f", i)
		}
	}
}

func TestOpensAfterConsecutiveFailures(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := New(3, 10*time.Second)
		steps := []error{testErr, testErr, nil, testErr, testErr, nil, nil, testErr, testErr}
		for i, err := range steps {
			testWantRun(t, b, err, fmt.Sprintf("New(3, 10s), call %d of fail,fail,ok,fail,fail,ok,ok,fail,fail", i+1))
		}
		testWantRun(t, b, testErr, "New(3, 10s), after fail,fail,ok,fail,fail,ok,ok,fail,fail (never 3 failures in a row: a success resets the count), the next call")
		testWantOpen(t, b, "New(3, 10s), right after the 3rd consecutive failure")
	})
	t.Run("threshold 1", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			b := New(1, time.Second)
			testWantRun(t, b, testErr, "New(1, 1s), first call")
			testWantOpen(t, b, "New(1, 1s), after one failure")
		})
	})
}

func TestFailsFastWhileOpen(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := testOpen(t)
		start := time.Now()
		for _, at := range []time.Duration{0, time.Second, 5 * time.Second, 10*time.Second - time.Millisecond} {
			time.Sleep(time.Until(start.Add(at)))
			testWantOpen(t, b, fmt.Sprintf("New(3, 10s), opened, %v later", at))
		}
	})
}

func TestHalfOpenSuccessCloses(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := testOpen(t)
		time.Sleep(10 * time.Second)
		testWantRun(t, b, nil, "New(3, 10s), opened, 10s later (half-open), the trial call")
		testWantRun(t, b, nil, "after a successful trial (closed), the next call")
		testWantRun(t, b, testErr, "closed again, a failure")
		testWantRun(t, b, testErr, "closed again, a 2nd failure")
		testWantRun(t, b, nil, "closed again, after 2 failures (the count starts from zero after the trial), the next call")
	})
}

func TestHalfOpenFailureReopens(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := testOpen(t)
		time.Sleep(10 * time.Second)
		testWantRun(t, b, testErr, "New(3, 10s), opened, 10s later (half-open), the trial call")
		reopened := time.Now()
		testWantOpen(t, b, "right after a failed trial")
		time.Sleep(time.Until(reopened.Add(10*time.Second - time.Millisecond)))
		testWantOpen(t, b, "9.999s after a failed trial (open again for a whole cool-down)")
		time.Sleep(time.Millisecond)
		testWantRun(t, b, nil, "10s after a failed trial, the next trial")
		testWantRun(t, b, nil, "after that trial succeeded, the next call")
	})
}

// TestOneTrialAtATime runs in real time, with generous margins: a call
// stuck behind the trial must be seen as stuck, not hang the test.
func TestOneTrialAtATime(t *testing.T) {
	b := New(1, 50*time.Millisecond)
	b.Call(func() error { return testErr })
	time.Sleep(100 * time.Millisecond)
	entered := make(chan struct{})
	release := make(chan struct{})
	trial := make(chan error, 1)
	go func() {
		trial <- b.Call(func() error {
			close(entered)
			<-release
			return nil
		})
	}()
	defer func() {
		close(release)
		<-trial
	}()
	select {
	case <-entered:
	case <-time.After(3 * time.Second):
		t.Fatalf("New(1, 50ms), opened, 100ms later: the trial call did not run f within 3s")
	}
	for i := range 3 {
		res := make(chan error, 1)
		ran := make(chan bool, 1)
		go func() {
			r := false
			res <- b.Call(func() error { r = true; return nil })
			ran <- r
		}()
		select {
		case err := <-res:
			if r := <-ran; r || !errors.Is(err, ErrOpen) {
				t.Errorf("half-open, while the trial call runs, other call %d: Call ran f = %v, returned %v; want ErrOpen without running f", i+1, r, err)
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("half-open, while the trial call runs, other call %d: Call did not return within 3s, want ErrOpen at once", i+1)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := New(5, time.Second)
		var wg sync.WaitGroup
		for i := range 50 {
			wg.Go(func() {
				for j := range 20 {
					err := error(nil)
					if (i+j)%3 == 0 {
						err = testErr
					}
					b.Call(func() error { return err })
					time.Sleep(100 * time.Millisecond)
				}
			})
		}
		wg.Wait()
		time.Sleep(time.Second)
		testWantRun(t, b, nil, "50 goroutines calling at once, then 1s later, a trial or a closed call")
	})
}
