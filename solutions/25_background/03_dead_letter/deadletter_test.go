package deadletter

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// testHandler fails job id its first fails[id] times (every time when
// fails[id] is -1), with "id failed N" or, for ids in permanent, an error
// wrapping ErrPermanent. It records the IDs it was called with and cancels
// the test's context if it is called absurdly often.
type testHandler struct {
	mu        sync.Mutex
	fails     map[string]int
	permanent map[string]bool
	calls     []string
	cancel    context.CancelFunc
}

func (h *testHandler) handle(_ context.Context, j Job) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, j.ID)
	if len(h.calls) > 200 {
		h.cancel()
		return fmt.Errorf("%s failed again", j.ID)
	}
	n := 0
	for _, id := range h.calls {
		if id == j.ID {
			n++
		}
	}
	if h.permanent[j.ID] {
		return fmt.Errorf("%s: bad payload: %w", j.ID, ErrPermanent)
	}
	if f := h.fails[j.ID]; f == -1 || n <= f {
		return fmt.Errorf("%s failed %d", j.ID, n)
	}
	return nil
}

func (h *testHandler) called() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.calls)
}

// testRun adds jobs with the given IDs to q and runs it.
func testRun(t *testing.T, ctx context.Context, q *Queue, h *testHandler, ids ...string) {
	t.Helper()
	for _, id := range ids {
		q.Add(Job{ID: id, Payload: "payload of " + id})
	}
	err := q.Run(ctx)
	switch {
	case err != nil && len(h.called()) > 200:
		t.Fatalf("Run = %v, want nil: the handler was called %d times for %d jobs and cancelled the context (a failing job retried forever?)", err, len(h.called()), len(ids))
	case err != nil:
		t.Fatalf("Run = %v, want nil", err)
	}
}

// testDead describes dead letters as "id: attempts: error".
func testDead(ds []DeadLetter) []string {
	out := []string{}
	for _, d := range ds {
		msg := "<nil>"
		if d.Err != nil {
			msg = d.Err.Error()
		}
		out = append(out, fmt.Sprintf("%s: %d attempts: %s", d.Job.ID, d.Attempts, msg))
	}
	return out
}

func testNew(t *testing.T, maxAttempts int, fails map[string]int, permanent ...string) (*Queue, *testHandler, context.Context) {
	ctx, cancel := context.WithCancel(t.Context())
	h := &testHandler{fails: fails, permanent: map[string]bool{}, cancel: cancel}
	for _, id := range permanent {
		h.permanent[id] = true
	}
	return New(maxAttempts, h.handle), h, ctx
}

// TestRetries checks the order of the attempts and which jobs die.
func TestRetries(t *testing.T) {
	for _, c := range []struct {
		name      string
		max       int
		fails     map[string]int
		ids       []string
		wantCalls []string
		wantDead  []string
	}{
		{
			"every job succeeds", 3, nil, []string{"a", "b"},
			[]string{"a", "b"}, []string{},
		},
		{
			"a failure goes to the back of the queue", 3, map[string]int{"a": 1}, []string{"a", "b", "c"},
			[]string{"a", "b", "c", "a"}, []string{},
		},
		{
			"success at the last attempt", 3, map[string]int{"a": 2}, []string{"a", "b"},
			[]string{"a", "b", "a", "a"}, []string{},
		},
		{
			"dead after the last attempt", 3, map[string]int{"a": -1, "b": 1}, []string{"a", "b", "c"},
			[]string{"a", "b", "c", "a", "b", "a"}, []string{"a: 3 attempts: a failed 3"},
		},
		{
			"one attempt", 1, map[string]int{"a": -1, "b": -1}, []string{"a", "b", "c"},
			[]string{"a", "b", "c"}, []string{"a: 1 attempts: a failed 1", "b: 1 attempts: b failed 1"},
		},
		{
			"zero attempts count as one", 0, map[string]int{"a": -1}, []string{"a", "b"},
			[]string{"a", "b"}, []string{"a: 1 attempts: a failed 1"},
		},
		{
			"dead letters in the order they died", 2, map[string]int{"a": -1, "b": -1, "c": 1}, []string{"a", "b", "c"},
			[]string{"a", "b", "c", "a", "b", "c"}, []string{"a: 2 attempts: a failed 2", "b: 2 attempts: b failed 2"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			q, h, ctx := testNew(t, c.max, c.fails)
			testRun(t, ctx, q, h, c.ids...)
			where := fmt.Sprintf("New(%d), jobs %v, failing %v", c.max, c.ids, c.fails)
			if got := h.called(); !slices.Equal(got, c.wantCalls) {
				t.Errorf("%s: the handler was called with %v, want %v", where, got, c.wantCalls)
			}
			if got := testDead(q.DeadLetters()); !slices.Equal(got, c.wantDead) {
				t.Errorf("%s: DeadLetters() = %q, want %q", where, got, c.wantDead)
			}
		})
	}
}

// TestPermanent checks that an error wrapping ErrPermanent is not retried.
func TestPermanent(t *testing.T) {
	q, h, ctx := testNew(t, 5, nil, "bad")
	testRun(t, ctx, q, h, "bad", "ok")
	if got, want := h.called(), []string{"bad", "ok"}; !slices.Equal(got, want) {
		t.Errorf("the handler failed job bad with an error wrapping ErrPermanent: it was called with %v, want %v (no retry)", got, want)
	}
	dead := q.DeadLetters()
	if len(dead) != 1 || dead[0].Job.ID != "bad" || dead[0].Attempts != 1 || !errors.Is(dead[0].Err, ErrPermanent) {
		t.Errorf("DeadLetters() = %q, want job bad after 1 attempt, with its error wrapping ErrPermanent", testDead(dead))
	}
}

// TestDeadLetterKeepsJob checks that a dead letter holds the whole job.
func TestDeadLetterKeepsJob(t *testing.T) {
	q, h, ctx := testNew(t, 2, map[string]int{"a": -1})
	testRun(t, ctx, q, h, "a")
	dead := q.DeadLetters()
	if want := (Job{ID: "a", Payload: "payload of a"}); len(dead) != 1 || dead[0].Job != want {
		t.Fatalf("DeadLetters() = %+v, want one dead letter holding %+v", dead, want)
	}
	dead[0].Attempts = 99
	if again := q.DeadLetters(); again[0].Attempts != 2 {
		t.Errorf("changing the slice DeadLetters returned changed the queue's dead letters (Attempts became %d): return a copy", again[0].Attempts)
	}
}

// TestRedrive puts a dead letter back in the queue once its cause is fixed.
func TestRedrive(t *testing.T) {
	q, h, ctx := testNew(t, 2, map[string]int{"a": 2, "b": -1})
	testRun(t, ctx, q, h, "a", "b")
	if got := testDead(q.DeadLetters()); len(got) != 2 {
		t.Fatalf("jobs a and b failed twice with New(2): DeadLetters() = %q, want both", got)
	}
	if q.Redrive("nope") {
		t.Errorf("Redrive(\"nope\") with no such dead letter = true, want false")
	}
	if !q.Redrive("a") {
		t.Fatalf("Redrive(\"a\") = false, want true")
	}
	if got, want := testDead(q.DeadLetters()), []string{"b: 2 attempts: b failed 2"}; !slices.Equal(got, want) {
		t.Errorf("after Redrive(\"a\"): DeadLetters() = %q, want %q", got, want)
	}
	testRun(t, ctx, q, h)
	if got, want := h.called(), []string{"a", "b", "a", "b", "a"}; !slices.Equal(got, want) {
		t.Errorf("after Redrive(\"a\") and Run: the handler was called with %v, want %v", got, want)
	}
	if got, want := testDead(q.DeadLetters()), []string{"b: 2 attempts: b failed 2"}; !slices.Equal(got, want) {
		t.Errorf("job a succeeded after Redrive: DeadLetters() = %q, want %q", got, want)
	}
}

// TestCancel ends the context while jobs are queued: Run returns, and the
// jobs not yet handled stay queued for the next Run.
func TestCancel(t *testing.T) {
	var calls []string
	ctx, cancel := context.WithCancel(t.Context())
	q := New(3, func(_ context.Context, j Job) error {
		calls = append(calls, j.ID)
		if j.ID == "b" {
			cancel()
		}
		return nil
	})
	for _, id := range []string{"a", "b", "c", "d"} {
		q.Add(Job{ID: id})
	}
	if err := q.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Run, with the context cancelled while job b runs = %v, want context.Canceled", err)
	}
	if want := []string{"a", "b"}; !slices.Equal(calls, want) {
		t.Errorf("the context was cancelled while job b ran: the handler was called with %v, want %v", calls, want)
	}
	if err := q.Run(t.Context()); err != nil {
		t.Errorf("second Run = %v, want nil", err)
	}
	if want := []string{"a", "b", "c", "d"}; !slices.Equal(calls, want) {
		t.Errorf("after a second Run, the handler was called with %v, want %v", calls, want)
	}
}

// TestConcurrent adds jobs from the handler and from other goroutines, and
// reads the dead letters while Run runs.
func TestConcurrent(t *testing.T) {
	var mu sync.Mutex
	handled := map[string]int{}
	total := 0
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var q *Queue
	q = New(2, func(_ context.Context, j Job) error {
		mu.Lock()
		if total++; total > 1000 {
			cancel() // a failing job retried forever
		}
		handled[j.ID]++
		first := handled[j.ID] == 1
		mu.Unlock()
		if first && !strings.HasSuffix(j.ID, "+") {
			q.Add(Job{ID: j.ID + "+"}) // a follow-up job, added by the first attempt
		}
		if strings.HasPrefix(j.ID, "x") {
			return errors.New("x always fails")
		}
		return nil
	})
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for k := range 10 {
				q.Add(Job{ID: fmt.Sprintf("%c%d", "abcx"[i], k)})
				_ = q.DeadLetters()
			}
		})
	}
	wg.Wait()
	wg.Go(func() { _ = q.DeadLetters() })
	if err := q.Run(ctx); err != nil {
		mu.Lock()
		defer mu.Unlock()
		if total > 1000 {
			t.Fatalf("Run = %v, want nil: the handler was called %d times for 80 jobs and cancelled the context (a failing job retried forever?)", err, total)
		}
		t.Fatalf("Run = %v, want nil", err)
	}
	wg.Wait()
	if n := len(q.DeadLetters()); n != 20 {
		t.Errorf("20 jobs (10 and their follow-ups) always fail: %d dead letters, want 20", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(handled) != 80 {
		t.Errorf("40 jobs and their 40 follow-ups: %d distinct jobs handled, want 80", len(handled))
	}
}
