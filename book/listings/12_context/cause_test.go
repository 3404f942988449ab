package ctxdemo

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ANCHOR: cause
var (
	ErrShutdown = errors.New("server shutting down")
	ErrTooSlow  = errors.New("upstream too slow")
)

func ExampleWithCancelCause() {
	ctx, cancel := context.WithCancelCause(context.Background())
	child, stop := context.WithCancel(ctx) // derived contexts see the cause too
	defer stop()

	cancel(ErrShutdown)
	fmt.Println("Err:  ", child.Err())
	fmt.Println("Cause:", context.Cause(child))
	// Output:
	// Err:   context canceled
	// Cause: server shutting down
}

func ExampleWithTimeoutCause() {
	ctx, cancel := context.WithTimeoutCause(
		context.Background(), 10*time.Millisecond, ErrTooSlow)
	defer cancel()
	<-ctx.Done()
	fmt.Println("Err:  ", ctx.Err())
	fmt.Println("Cause:", context.Cause(ctx))
	// Output:
	// Err:   context deadline exceeded
	// Cause: upstream too slow
}

// ANCHOR_END: cause

// ANCHOR: afterfunc
func ExampleAfterFunc() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	// Runs f in its own goroutine once ctx is done; no goroutine waits
	// until then. stop() cancels the registration if it has not run yet.
	stop := context.AfterFunc(ctx, func() {
		fmt.Println("cleaning up:", ctx.Err())
		close(done)
	})
	defer stop()

	cancel()
	<-done
	// Output: cleaning up: context canceled
}

// ANCHOR_END: afterfunc
