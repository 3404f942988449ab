package pipelines

import (
	"context"
	"fmt"
)

// ANCHOR: stage
// mapStage applies f to every value of in. Its output has capacity
// buffer: once it is full, the stage blocks, and so, in turn, does every
// stage before it. That is backpressure.
func mapStage[T, R any](ctx context.Context, in <-chan T, buffer int,
	f func(T) R) <-chan R {
	out := make(chan R, buffer)
	go func() {
		defer close(out) // however the stage ends
		for {
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				select {
				case out <- f(v): // blocks while the consumer is behind
				case <-ctx.Done():
					return // never stuck on a send nobody will take
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// ANCHOR_END: stage

func Example_mapStage() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	nums := make(chan int)
	go func() {
		defer close(nums)
		for i := 1; i <= 3; i++ {
			nums <- i
		}
	}()
	squares := mapStage(ctx, nums, 1, func(n int) int { return n * n })
	labels := mapStage(ctx, squares, 1, func(n int) string { return fmt.Sprint("#", n) })
	for l := range labels {
		fmt.Println(l)
	}
	// Output:
	// #1
	// #4
	// #9
}
