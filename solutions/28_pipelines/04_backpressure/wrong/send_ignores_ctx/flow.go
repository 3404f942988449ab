// Wrong: the reader and the transformer send without a select on
// ctx.Done(), so when a later stage stops they block forever on the send.
package flow

import (
	"context"
	"io"
	"sync"
)

// Source produces records. Next returns io.EOF when there are no more; it
// returns ctx's error if ctx ends while it waits.
type Source interface {
	Next(ctx context.Context) (string, error)
}

// Sink consumes records. Write returns ctx's error if ctx ends while it
// waits.
type Sink interface {
	Write(ctx context.Context, rec string) error
}

// Run reads every record from src, passes it through transform, and writes
// the result to sink, in order. Reading, transforming and writing run in
// three goroutines, connected by two channels of capacity buffer, so that
// while sink is slow, src is read no faster than sink writes: at most
// 2·buffer+3 records are ever read from src and not yet written.
//
// The first error (from src other than io.EOF, from transform, or from
// sink) stops every stage, and Run returns it. If ctx ends first, every
// stage stops, and Run returns ctx.Err(); no record is written after
// that. Run returns nil when every record was written. In every case it
// returns only after each goroutine it started has finished: no call to
// src or sink is still running, or made, once Run has returned.
func Run(ctx context.Context, src Source, transform func(string) (string, error), sink Sink, buffer int) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	raw := make(chan string, buffer)
	out := make(chan string, buffer)
	var wg sync.WaitGroup

	wg.Go(func() { // read
		defer close(raw)
		for {
			rec, err := src.Next(ctx)
			if err == io.EOF {
				return
			}
			if err != nil {
				cancel(err)
				return
			}
			raw <- rec
		}
	})
	wg.Go(func() { // transform
		defer close(out)
		for rec := range raw { // raw is closed when the reader stops
			res, err := transform(rec)
			if err != nil {
				cancel(err)
				return
			}
			out <- res
		}
	})
	wg.Go(func() { // write
		for rec := range out {
			if ctx.Err() != nil {
				return // cancelled: write nothing more
			}
			if err := sink.Write(ctx, rec); err != nil {
				cancel(err)
				return
			}
		}
	})
	wg.Wait()
	// nil if nothing cancelled ctx; else the first error, or the parent's.
	return context.Cause(ctx)
}
