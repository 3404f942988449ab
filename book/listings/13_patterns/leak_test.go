package patterns

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
)

func process(int) {}

// ANCHOR: leak
// The source guide's leak: the goroutine waits for a value nobody will
// ever send, so it stays blocked, with everything it references, for as
// long as the process lives.
func leak() {
	ch := make(chan int)
	go func() {
		val := <-ch // waits forever
		process(val)
	}()
}

// ANCHOR_END: leak

// ANCHOR: noleak
// The guide's fix: also wait for ctx. It only works if somebody cancels
// ctx; with context.Background() the goroutine still waits forever.
func noLeak(ctx context.Context) {
	ch := make(chan int)
	go func() {
		select {
		case val := <-ch:
			process(val)
		case <-ctx.Done():
			return
		}
	}()
}

// ANCHOR_END: noleak

// ANCHOR: detect
// A synctest bubble reports goroutines still blocked when its function
// returns. The hidden tests turn that report into a failure that names
// the leak; here we check that leak() is caught and noLeak is not.
func bubbleLeaks(t *testing.T, f func()) (leaked bool) {
	defer func() {
		r := recover()
		leaked = r != nil &&
			strings.Contains(fmt.Sprint(r), "blocked goroutines remain")
	}()
	synctest.Test(t, func(*testing.T) { f() })
	return false
}

func TestLeakDetection(t *testing.T) {
	if !bubbleLeaks(t, leak) {
		t.Error("leak() was not reported")
	}
	if bubbleLeaks(t, func() {
		ctx, cancel := context.WithCancel(context.Background())
		noLeak(ctx)
		cancel() // somebody must cancel: that is what stops the goroutine
	}) {
		t.Error("noLeak with a cancelled context was reported")
	}
}

// ANCHOR_END: detect
