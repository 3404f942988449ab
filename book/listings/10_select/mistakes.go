package selecting

// The functions in this file show mistakes. They compile, and nothing runs
// them.

func process(int) {}

// ANCHOR: leak
// leak is the guide's goroutine leak: nothing will ever be sent on ch, so
// the goroutine waits forever, long after leak has returned.
func leak() {
	ch := make(chan int)
	go func() {
		val := <-ch // waits forever
		process(val)
	}()
}

// ANCHOR_END: leak

// ANCHOR: noleak
// noLeak gives the goroutine a way out: when done is closed, it returns.
// (The guide uses ctx.Done() from a context.Context here, which is a done
// channel too; contexts come in chapter 12.)
func noLeak(done <-chan struct{}) {
	ch := make(chan int)
	go func() {
		select {
		case val := <-ch:
			process(val)
		case <-done:
			return
		}
	}()
}

// ANCHOR_END: noleak

// ANCHOR: spin
// spin polls with default in a loop: it never waits, so it burns a whole
// CPU doing nothing until a value arrives. Without the default, the select
// would simply wait.
func spin(ch <-chan int) int {
	for {
		select {
		case v := <-ch:
			return v
		default:
		}
	}
}

// ANCHOR_END: spin
