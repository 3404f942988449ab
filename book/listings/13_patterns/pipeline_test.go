package patterns

import (
	"context"
	"fmt"
	"strings"
)

// ANCHOR: pipeline
// Each stage owns its output channel: it alone sends on it, and it closes
// it when it is done, so the next stage's range loop ends. Every blocking
// operation also watches ctx, so cancelling stops the whole pipeline.
func lines(ctx context.Context, text string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for line := range strings.Lines(text) {
			select {
			case out <- strings.TrimSpace(line):
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func nonEmpty(ctx context.Context, in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for {
			select {
			case s, ok := <-in:
				if !ok {
					return // upstream is done, so are we
				}
				if s == "" {
					continue
				}
				select {
				case out <- s:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// ANCHOR_END: pipeline

// ANCHOR: pipeline_use
func Example_pipeline() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // stops every stage if we return early

	input := "GET /\n\n  POST /orders \n\nGET /health\n"
	for s := range nonEmpty(ctx, lines(ctx, input)) {
		fmt.Printf("%q\n", s)
	}
	// Output:
	// "GET /"
	// "POST /orders"
	// "GET /health"
}

// ANCHOR_END: pipeline_use
