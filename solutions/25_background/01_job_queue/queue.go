// Package queue runs background jobs on a fixed number of workers.
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
	jobs   chan func(context.Context)
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu      sync.Mutex
	stopped bool
}

// New starts workers goroutines (at least 1) and returns a queue that holds
// up to backlog jobs waiting for a worker.
func New(workers, backlog int) *Queue {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(context.Background())
	q := &Queue{
		jobs:   make(chan func(context.Context), max(backlog, 0)),
		ctx:    ctx,
		cancel: cancel,
	}
	for range workers {
		q.wg.Go(q.work)
	}
	return q
}

func (q *Queue) work() {
	for job := range q.jobs {
		if q.ctx.Err() != nil {
			continue // Stop gave up: drop what is still queued
		}
		job(q.ctx)
	}
}

// Submit queues job without waiting for it to run. It returns ErrQueueFull
// when no worker is free and backlog jobs are already waiting, and
// ErrStopped after Stop.
func (q *Queue) Submit(job func(context.Context)) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopped {
		return ErrStopped
	}
	select {
	case q.jobs <- job:
		return nil
	default:
		return ErrQueueFull
	}
}

// Stop refuses new jobs, lets the queued and running ones finish, and
// returns nil once every worker has exited. If ctx ends first, it cancels
// the context the running jobs got, drops the jobs not yet started, waits
// for the workers to exit, and returns ctx.Err().
func (q *Queue) Stop(ctx context.Context) error {
	q.mu.Lock()
	if !q.stopped {
		q.stopped = true
		close(q.jobs)
	}
	q.mu.Unlock()

	done := make(chan struct{})
	go func() {
		q.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		q.cancel()
		return nil
	case <-ctx.Done():
		q.cancel()
		<-done
		return ctx.Err()
	}
}
