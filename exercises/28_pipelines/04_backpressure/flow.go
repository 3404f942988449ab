// Backpressure and cancellation: Run moves records from a source, through a
// transform, to a sink, each stage in a goroutine of its own. As written,
// its channels are so large that a fast source races ahead of a slow sink
// and piles records up in memory, a stage that stops leaves the others
// blocked forever, and cancelling ctx does not stop it. Make it follow the
// comment on Run. You are done when the hidden tests pass (they run with
// the race detector, in fake time).
package flow

import (
	"context"
	"io"
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
	// TODO: channels of capacity buffer, ctx watched on every send, the
	// first error stopping every stage, and a wait for all of them.
	raw := make(chan string, 1000)
	out := make(chan string, 1000)
	errc := make(chan error, 2)
	go func() {
		defer close(raw)
		for {
			rec, err := src.Next(ctx)
			if err == io.EOF {
				return
			}
			if err != nil {
				errc <- err
				return
			}
			raw <- rec
		}
	}()
	go func() {
		defer close(out)
		for rec := range raw {
			res, err := transform(rec)
			if err != nil {
				errc <- err
				return
			}
			out <- res
		}
	}()
	for rec := range out {
		if err := sink.Write(ctx, rec); err != nil {
			return err
		}
	}
	select {
	case err := <-errc:
		return err
	default:
		return nil
	}
}
