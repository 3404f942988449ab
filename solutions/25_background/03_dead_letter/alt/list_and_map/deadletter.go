// Alternative: the queue is a container/list of jobs, the attempts are
// counted in a map keyed by job ID, and the dead letters are kept in a map
// with a slice of IDs for their order.
package deadletter

import (
	"container/list"
	"context"
	"errors"
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

// Queue is a queue of jobs with a dead-letter list. It is safe for
// concurrent use; handle may call Add.
type Queue struct {
	limit  int
	handle func(context.Context, Job) error

	mu        sync.Mutex
	jobs      *list.List // of Job
	attempts  map[string]int
	deadByID  map[string]DeadLetter
	deadOrder []string
}

// New returns an empty queue whose jobs are handled by handle and tried at
// most maxAttempts times (less than 1 counts as 1).
func New(maxAttempts int, handle func(context.Context, Job) error) *Queue {
	if maxAttempts < 1 {
		maxAttempts = 1
	}
	return &Queue{
		limit:    maxAttempts,
		handle:   handle,
		jobs:     list.New(),
		attempts: map[string]int{},
		deadByID: map[string]DeadLetter{},
	}
}

// Add puts j at the end of the queue.
func (q *Queue) Add(j Job) {
	q.mu.Lock()
	q.jobs.PushBack(j)
	q.mu.Unlock()
}

func (q *Queue) next() (Job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	front := q.jobs.Front()
	if front == nil {
		return Job{}, false
	}
	return q.jobs.Remove(front).(Job), true
}

// Run handles the queued jobs one at a time, from the front, until the
// queue is empty (it returns nil) or ctx ends (it returns ctx.Err(), and
// the jobs not yet handled stay queued). A job whose handler fails goes to
// the end of the queue, to be tried again after the others, until it has
// failed maxAttempts times; then, or at once when the error wraps
// ErrPermanent, it becomes a dead letter with its last error and its number
// of attempts, and is not handled again.
func (q *Queue) Run(ctx context.Context) error {
	for ctx.Err() == nil {
		j, ok := q.next()
		if !ok {
			return nil
		}
		err := q.handle(ctx, j)
		q.mu.Lock()
		if err == nil {
			delete(q.attempts, j.ID)
		} else {
			q.attempts[j.ID]++
			n := q.attempts[j.ID]
			if errors.Is(err, ErrPermanent) || n == q.limit {
				delete(q.attempts, j.ID)
				q.deadByID[j.ID] = DeadLetter{Job: j, Err: err, Attempts: n}
				q.deadOrder = append(q.deadOrder, j.ID)
			} else {
				q.jobs.PushBack(j)
			}
		}
		q.mu.Unlock()
	}
	return ctx.Err()
}

// DeadLetters returns a copy of the dead letters, in the order the jobs
// failed for good.
func (q *Queue) DeadLetters() []DeadLetter {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]DeadLetter, 0, len(q.deadOrder))
	for _, id := range q.deadOrder {
		out = append(out, q.deadByID[id])
	}
	return out
}

// Redrive moves the dead letter of the job with this ID back to the end of
// the queue, with no attempts counted, and reports whether there was one.
func (q *Queue) Redrive(id string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	d, ok := q.deadByID[id]
	if !ok {
		return false
	}
	delete(q.deadByID, id)
	for i, other := range q.deadOrder {
		if other == id {
			q.deadOrder = append(q.deadOrder[:i:i], q.deadOrder[i+1:]...)
			break
		}
	}
	q.jobs.PushBack(d.Job)
	return true
}
