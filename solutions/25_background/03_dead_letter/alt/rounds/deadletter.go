// Alternative: Run takes the whole queue as a batch and handles it in a
// loop, requeueing failures under the lock as they happen; on cancellation
// the rest of the batch goes back to the front of the queue.
package deadletter

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// ErrPermanent marks a failure that no retry can fix (a malformed payload,
// say): a handler returns an error wrapping it.
var ErrPermanent = errors.New("permanent failure")

// Job is one unit of background work.
type Job struct {
	ID      string
	Payload string
}

// DeadLetter is a job that failed for good.
type DeadLetter struct {
	Job      Job
	Err      error // the error of its last attempt
	Attempts int   // how many times it was handled
}

type task struct {
	Job
	tries int
}

// Queue is a queue of jobs with a dead-letter list. It is safe for
// concurrent use; handle may call Add.
type Queue struct {
	max    int
	handle func(context.Context, Job) error
	mu     sync.Mutex
	queue  []task
	failed []DeadLetter
}

// New returns an empty queue whose jobs are handled by handle and tried at
// most maxAttempts times (less than 1 counts as 1).
func New(maxAttempts int, handle func(context.Context, Job) error) *Queue {
	return &Queue{max: maxAttempts, handle: handle}
}

// Add puts j at the end of the queue.
func (q *Queue) Add(j Job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.queue = append(q.queue, task{Job: j})
}

// Run handles the queued jobs one at a time, from the front, until the
// queue is empty (it returns nil) or ctx ends (it returns ctx.Err(), and
// the jobs not yet handled stay queued). A job whose handler fails goes to
// the end of the queue, to be tried again after the others, until it has
// failed maxAttempts times; then, or at once when the error wraps
// ErrPermanent, it becomes a dead letter with its last error and its number
// of attempts, and is not handled again.
func (q *Queue) Run(ctx context.Context) error {
	for {
		q.mu.Lock()
		batch := q.queue
		q.queue = nil
		q.mu.Unlock()
		if len(batch) == 0 {
			return nil
		}
		for i, t := range batch {
			if ctx.Err() != nil {
				q.mu.Lock()
				q.queue = append(slices.Clone(batch[i:]), q.queue...)
				q.mu.Unlock()
				return ctx.Err()
			}
			err := q.handle(ctx, t.Job)
			if err == nil {
				continue
			}
			t.tries++
			q.mu.Lock()
			if t.tries < q.max && !errors.Is(err, ErrPermanent) {
				q.queue = append(q.queue, t)
			} else {
				q.failed = append(q.failed, DeadLetter{t.Job, err, t.tries})
			}
			q.mu.Unlock()
		}
	}
}

// DeadLetters returns a copy of the dead letters, in the order the jobs
// failed for good.
func (q *Queue) DeadLetters() []DeadLetter {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]DeadLetter(nil), q.failed...)
}

// Redrive moves the dead letter of the job with this ID back to the end of
// the queue, with no attempts counted, and reports whether there was one.
func (q *Queue) Redrive(id string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, d := range q.failed {
		if d.Job.ID == id {
			q.failed = append(q.failed[:i:i], q.failed[i+1:]...)
			q.queue = append(q.queue, task{Job: d.Job})
			return true
		}
	}
	return false
}
