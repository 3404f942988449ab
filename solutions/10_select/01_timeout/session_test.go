package session

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (waits are instant and
// exact), and goroutines still blocked when f ends are reported as a leak.
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
			t.Fatalf("goroutines were still blocked when the test ended (a goroutine leak, see the failures above)")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testStep is one thing the fake client does: wait, then send msg.
type testStep struct {
	wait time.Duration
	msg  string
}

// testClient plays steps on a new channel from a goroutine, then closes the
// channel if hangUp is set, or else stays silent until stop is closed (and
// closes the channel then, so that a ReadAll still waiting can finish).
func testClient(steps []testStep, hangUp bool, stop <-chan struct{}) <-chan string {
	msgs := make(chan string)
	go func() {
		defer close(msgs)
		for _, s := range steps {
			select {
			case <-time.After(s.wait):
			case <-stop:
				return
			}
			select {
			case msgs <- s.msg:
			case <-stop:
				return
			}
		}
		if !hangUp {
			<-stop
		}
	}()
	return msgs
}

type testResult struct {
	msgs []string
	err  error
	took time.Duration
}

func TestReadAll(t *testing.T) {
	ms := time.Millisecond
	every := func(n int, gap time.Duration) []testStep {
		var s []testStep
		for i := range n {
			s = append(s, testStep{gap, fmt.Sprintf("m%d", i+1)})
		}
		return s
	}
	tests := []struct {
		name     string
		steps    []testStep
		hangUp   bool
		idle     time.Duration
		wantMsgs []string
		wantErr  error
		wantTook time.Duration
	}{
		{"client hangs up at once", nil, true, 50 * ms, nil, nil, 0},
		{"three messages, then hang-up", every(3, 10*ms), true, 50 * ms, []string{"m1", "m2", "m3"}, nil, 30 * ms},
		{"silent from the start", nil, false, time.Second, nil, ErrIdle, time.Second},
		{"two messages, then silence", every(2, 10*ms), false, 50 * ms, []string{"m1", "m2"}, ErrIdle, 70 * ms},
		{"many messages, each gap shorter than idle", every(20, 40*ms), true, 50 * ms,
			[]string{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10",
				"m11", "m12", "m13", "m14", "m15", "m16", "m17", "m18", "m19", "m20"}, nil, 800 * ms},
		{"a gap longer than idle", []testStep{{10 * ms, "first"}, {90 * ms, "too late"}}, true, 50 * ms, []string{"first"}, ErrIdle, 60 * ms},
		{"gaps just under idle", []testStep{{499 * ms, "a"}, {499 * ms, "b"}, {499 * ms, "c"}}, false, 500 * ms, []string{"a", "b", "c"}, ErrIdle, 1997 * ms},
		{"idle of an hour", every(2, time.Minute), false, time.Hour, []string{"m1", "m2"}, ErrIdle, time.Hour + 2*time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				stop := make(chan struct{})
				hangUp := sync.OnceFunc(func() { close(stop) })
				defer hangUp()
				msgs := testClient(tt.steps, tt.hangUp, stop)
				done := make(chan testResult)
				start := time.Now()
				go func() {
					got, err := ReadAll(msgs, tt.idle)
					done <- testResult{got, err, time.Since(start)}
				}()
				var r testResult
				select {
				case r = <-done:
				case <-time.After(tt.wantTook + 10*tt.idle + time.Hour):
					t.Errorf("ReadAll (idle %v, %s) had not returned after %v: it must give up when no message comes for %v", tt.idle, tt.name, time.Since(start), tt.idle)
					hangUp() // the client hangs up, so that ReadAll can finish
					<-done
					return
				}
				if !slices.Equal(r.msgs, tt.wantMsgs) || !errors.Is(r.err, tt.wantErr) {
					t.Errorf("ReadAll (idle %v, %s) = %q, %v; want %q, %v", tt.idle, tt.name, r.msgs, r.err, tt.wantMsgs, tt.wantErr)
				}
				if r.took != tt.wantTook {
					t.Errorf("ReadAll (idle %v, %s) returned after %v, want %v: give up exactly idle after the last message (or the start), and return at once when the channel is closed", tt.idle, tt.name, r.took, tt.wantTook)
				}
			})
		})
	}
}

func TestReadAllStopsReceivingWhenIdle(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		const idle = 50 * time.Millisecond
		msgs := make(chan string)
		done := make(chan testResult)
		go func() {
			got, err := ReadAll(msgs, idle)
			done <- testResult{msgs: got, err: err}
		}()
		msgs <- "m1"
		select {
		case r := <-done:
			if !slices.Equal(r.msgs, []string{"m1"}) || !errors.Is(r.err, ErrIdle) {
				t.Errorf("ReadAll (idle %v, one message, then silence) = %q, %v; want [\"m1\"], %v", idle, r.msgs, r.err, ErrIdle)
			}
		case <-time.After(time.Hour):
			t.Errorf("ReadAll (idle %v, one message, then silence) had not returned after an hour", idle)
			close(msgs)
			<-done
			return
		}
		select {
		case msgs <- "after return":
			t.Errorf("ReadAll returned ErrIdle, and a message sent on msgs afterwards was still received: a goroutine ReadAll started keeps receiving from msgs after ReadAll returned")
		case <-time.After(time.Hour):
		}
		close(msgs)
	})
}
