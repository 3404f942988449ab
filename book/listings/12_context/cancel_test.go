package ctxdemo

import (
	"context"
	"fmt"
)

// ANCHOR: tree
func Example_tree() {
	root, cancelRoot := context.WithCancel(context.Background())
	defer cancelRoot()
	child, cancelChild := context.WithCancel(root)
	defer cancelChild()
	grandchild, cancelGrandchild := context.WithCancel(child)
	defer cancelGrandchild()

	cancelChild() // cancels child and everything derived from it
	fmt.Println("root:", root.Err())
	fmt.Println("child:", child.Err())
	fmt.Println("grandchild:", grandchild.Err())
	// Output:
	// root: <nil>
	// child: context canceled
	// grandchild: context canceled
}

// ANCHOR_END: tree

// ANCHOR: ids
// IDs sends 1, 2, 3, ... until ctx is cancelled, then closes the channel.
// Every goroutine you start needs a way to stop: here, ctx.
func IDs(ctx context.Context) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for id := 1; ; id++ {
			select {
			case out <- id:
			case <-ctx.Done(): // closed when ctx is cancelled
				return
			}
		}
	}()
	return out
}

// ANCHOR_END: ids

// ANCHOR: take
func ExampleIDs() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // the usual guard: stop IDs whatever happens below

	ids := IDs(ctx)
	fmt.Println(<-ids, <-ids, <-ids)
	cancel() // done with it: IDs returns and closes the channel

	for range ids { // drains what was in flight, ends when closed
	}
	fmt.Println("stopped:", ctx.Err())
	// Output:
	// 1 2 3
	// stopped: context canceled
}

// ANCHOR_END: take
