// Alternative: the backlog is a slice guarded by a mutex, and idle workers
// sleep on a sync.Cond; context.AfterFunc cancels the jobs when Stop's
// context ends.
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
	mu      sync.Mutex
	ready   *sync.Cond
	pending []func(context.Context)
	idle    int
	backlog int
	closing bool

	jobCtx  context.Context
	abort   context.CancelFunc
	workers sync.WaitGroup
}

// New starts workers goroutines (at least 1) and returns a queue that holds
// up to backlog jobs waiting for a worker.
func New(workers, backlog int) *Queue {
	q := &Queue{backlog: backlog}
	q.ready = sync.NewCond(&q.mu)
	q.jobCtx, q.abort = context.WithCancel(context.Background())
	for i := 0; i < workers || i == 0; i++ {
		q.workers.Add(1)
		go q.loop()
	}
	return q
}

func (q *Queue) loop() {
	defer q.workers.Done()
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		q.idle++
		for len(q.pending) == 0 && !q.closing {
			q.ready.Wait()
		}
		q.idle--
		if len(q.pending) == 0 || q.jobCtx.Err() != nil {
			return
		}
		job := q.pending[0]
		q.pending = q.pending[1:]
		q.mu.Unlock()
		job(q.jobCtx)
		q.mu.Lock()
	}
}

// Submit queues job without waiting for it to run. It returns ErrQueueFull
// when no worker is free and backlog jobs are already waiting, and
// ErrStopped after Stop.
func (q *Queue) Submit(job func(context.Context)) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closing {
		return ErrStopped
	}
	if len(q.pending) >= q.idle+q.backlog {
		return ErrQueueFull
	}
	q.pending = append(q.pending, job)
	q.ready.Signal()
	return nil
}

// Stop refuses new jobs, lets the queued and running ones finish, and
// returns nil once every worker has exited. If ctx ends first, it cancels
// the context the running jobs got, drops the jobs not yet started, waits
// for the workers to exit, and returns ctx.Err().
func (q *Queue) Stop(ctx context.Context) error {
	q.mu.Lock()
	q.closing = true
	q.ready.Broadcast()
	q.mu.Unlock()

	stopAbort := context.AfterFunc(ctx, q.abort)
	q.workers.Wait()
	if !stopAbort() {
		return ctx.Err() // the deadline passed while jobs were running
	}
	q.abort()
	return nil
}
