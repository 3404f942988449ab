// Wrong: compares the error with == instead of errors.Is, so a handler's
// error that wraps ErrPermanent is not recognised and is retried.
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

type entry struct {
	job      Job
	attempts int
}

// Queue is a queue of jobs with a dead-letter list. It is safe for
// concurrent use; handle may call Add.
type Queue struct {
	maxAttempts int
	handle      func(context.Context, Job) error

	mu      sync.Mutex
	pending []entry
	dead    []DeadLetter
}

// New returns an empty queue whose jobs are handled by handle and tried at
// most maxAttempts times (less than 1 counts as 1).
func New(maxAttempts int, handle func(context.Context, Job) error) *Queue {
	return &Queue{maxAttempts: max(maxAttempts, 1), handle: handle}
}

// Add puts j at the end of the queue.
func (q *Queue) Add(j Job) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.pending = append(q.pending, entry{job: j})
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
		if err := ctx.Err(); err != nil {
			return err
		}
		q.mu.Lock()
		if len(q.pending) == 0 {
			q.mu.Unlock()
			return nil
		}
		e := q.pending[0]
		q.pending = q.pending[1:]
		q.mu.Unlock()

		err := q.handle(ctx, e.job) // without the lock: handle may call Add
		if err == nil {
			continue
		}
		e.attempts++
		q.mu.Lock()
		if e.attempts >= q.maxAttempts || err == ErrPermanent {
			q.dead = append(q.dead, DeadLetter{Job: e.job, Err: err, Attempts: e.attempts})
		} else {
			q.pending = append(q.pending, e)
		}
		q.mu.Unlock()
	}
}

// DeadLetters returns a copy of the dead letters, in the order the jobs
// failed for good.
func (q *Queue) DeadLetters() []DeadLetter {
	q.mu.Lock()
	defer q.mu.Unlock()
	return slices.Clone(q.dead)
}

// Redrive moves the dead letter of the job with this ID back to the end of
// the queue, with no attempts counted, and reports whether there was one.
func (q *Queue) Redrive(id string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	i := slices.IndexFunc(q.dead, func(d DeadLetter) bool { return d.Job.ID == id })
	if i < 0 {
		return false
	}
	q.pending = append(q.pending, entry{job: q.dead[i].Job})
	q.dead = slices.Delete(q.dead, i, i+1)
	return true
}
