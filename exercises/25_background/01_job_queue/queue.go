// Make this a real job queue: a fixed number of workers (never more than
// that many jobs at once), a bounded backlog, and a Stop that drains the
// queue or, when its context ends, cancels what runs. As shipped, every
// job gets a goroutine of its own and Stop waits for nothing. You are done
// when the hidden tests pass (they run with the race detector).
package queue

import (
	"context"
	"errors"
)

// ErrQueueFull is returned by Submit when backlog jobs are already waiting.
var ErrQueueFull = errors.New("queue: full")

// ErrStopped is returned by Submit once Stop has been called.
var ErrStopped = errors.New("queue: stopped")

// Queue runs submitted jobs on a fixed number of worker goroutines.
type Queue struct {
	// TODO: a channel of jobs, the workers' WaitGroup, a context to
	// cancel the running jobs, and whatever Submit and Stop need.
}

// New starts workers goroutines (at least 1) and returns a queue that holds
// up to backlog jobs waiting for a worker.
func New(workers, backlog int) *Queue {
	return &Queue{}
}

// Submit queues job without waiting for it to run. It returns ErrQueueFull
// when no worker is free and backlog jobs are already waiting, and
// ErrStopped after Stop.
func (q *Queue) Submit(job func(context.Context)) error {
	go job(context.Background()) // TODO: hand the job to a worker instead
	return nil
}

// Stop refuses new jobs, lets the queued and running ones finish, and
// returns nil once every worker has exited. If ctx ends first, it cancels
// the context the running jobs got, drops the jobs not yet started, waits
// for the workers to exit, and returns ctx.Err().
func (q *Queue) Stop(ctx context.Context) error {
	return nil // TODO
}
