// Wrong: the writer selects on ctx.Done() and on its input, and writes
// whatever it received. When ctx is cancelled while records are waiting in
// the channel, both cases are ready and select picks one at random, so
// records are still written after cancellation (about half the time each).
// The fix is to check ctx.Err() after the receive, before each Write.
package flow

import (
	"context"
	"io"

	"golang.org/x/sync/errgroup"
)

// Source produces records. Next returns io.EOF when there are no more.
type Source interface {
	Next(ctx context.Context) (string, error)
}

// Sink consumes records.
type Sink interface {
	Write(ctx context.Context, rec string) error
}

// Run moves records from src through transform to sink.
func Run(ctx context.Context, src Source, transform func(string) (string, error), sink Sink, buffer int) error {
	g, ctx := errgroup.WithContext(ctx)
	in := make(chan string, buffer)
	mid := make(chan string, buffer)
	g.Go(func() error {
		defer close(in)
		for {
			rec, err := src.Next(ctx)
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			select {
			case in <- rec:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	})
	g.Go(func() error {
		defer close(mid)
		for rec := range in {
			res, err := transform(rec)
			if err != nil {
				return err
			}
			select {
			case mid <- res:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})
	g.Go(func() error {
		for {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case rec, ok := <-mid:
				if !ok {
					return nil
				}
				if err := sink.Write(ctx, rec); err != nil {
					return err
				}
			}
		}
	})
	return g.Wait()
}
