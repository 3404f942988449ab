// Alternative: no long-lived workers. Each accepted job waits for a slot of
// a buffered-channel semaphore of size workers; a counter of accepted jobs
// bounds the backlog, and Stop waits on a WaitGroup of all accepted jobs.
package queue

import (
	"context"
	"errors"
	"sync"
)

// ErrQueueFull is returned by Submit when backlog jobs are already waiting.
var ErrQueueFull = errors.New("queue: full")

// ErrStopped is returned by Submit once Stop has been called.
var ErrStopped = errors.New("queue: stopped")

// Queue runs submitted jobs on a fixed number of worker goroutines.
type Queue struct {
	slots    chan struct{}
	limit    int // workers + backlog: jobs accepted and not finished
	mu       sync.Mutex
	accepted int
	stopped  bool
	all      sync.WaitGroup
	ctx      context.Context
	cancel   context.CancelFunc
}

// New starts workers goroutines (at least 1) and returns a queue that holds
// up to backlog jobs waiting for a worker.
func New(workers, backlog int) *Queue {
	workers = max(1, workers)
	ctx, cancel := context.WithCancel(context.Background())
	return &Queue{
		slots:  make(chan struct{}, workers),
		limit:  workers + max(0, backlog),
		ctx:    ctx,
		cancel: cancel,
	}
}

// Submit queues job without waiting for it to run. It returns ErrQueueFull
// when no worker is free and backlog jobs are already waiting, and
// ErrStopped after Stop.
func (q *Queue) Submit(job func(context.Context)) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.stopped:
		return ErrStopped
	case q.accepted >= q.limit:
		return ErrQueueFull
	}
	q.accepted++
	q.all.Add(1)
	go q.run(job)
	return nil
}

func (q *Queue) run(job func(context.Context)) {
	defer func() {
		q.mu.Lock()
		q.accepted--
		q.mu.Unlock()
		q.all.Done()
	}()
	select {
	case q.slots <- struct{}{}:
	case <-q.ctx.Done():
		return
	}
	defer func() { <-q.slots }()
	if q.ctx.Err() == nil {
		job(q.ctx)
	}
}

// Stop refuses new jobs, lets the queued and running ones finish, and
// returns nil once every worker has exited. If ctx ends first, it cancels
// the context the running jobs got, drops the jobs not yet started, waits
// for the workers to exit, and returns ctx.Err().
func (q *Queue) Stop(ctx context.Context) error {
	q.mu.Lock()
	q.stopped = true
	q.mu.Unlock()
	finished := make(chan struct{})
	go func() { q.all.Wait(); close(finished) }()
	var err error
	select {
	case <-finished:
	case <-ctx.Done():
		err = ctx.Err()
	}
	q.cancel()
	<-finished
	return err
}
