package background

import (
	"errors"
	"fmt"
)

var errInvalid = errors.New("invalid payload") // no retry can fix it

type task struct {
	id       string
	attempts int
}

type deadLetter struct {
	task task
	err  error
}

// ANCHOR: settle
// settle decides what becomes of a task whose handler returned err:
// done, retried later (at the back of the queue), or dead, kept with
// its error for a person to look at. Nothing is dropped, nothing loops.
func settle(t task, err error, maxAttempts int, queue *[]task, dead *[]deadLetter) {
	if err == nil {
		return
	}
	t.attempts++
	if t.attempts >= maxAttempts || errors.Is(err, errInvalid) {
		*dead = append(*dead, deadLetter{t, err})
		return
	}
	*queue = append(*queue, t)
}

// ANCHOR_END: settle

func Example_settle() {
	var queue []task
	var dead []deadLetter
	settle(task{id: "a"}, errors.New("timeout"), 3, &queue, &dead)
	settle(task{id: "b", attempts: 2}, errors.New("timeout"), 3, &queue, &dead)
	settle(task{id: "c"}, fmt.Errorf("c: %w", errInvalid), 3, &queue, &dead)
	fmt.Println("retry:", queue)
	for _, d := range dead {
		fmt.Println("dead:", d.task.id, d.task.attempts, d.err)
	}
	// Output:
	// retry: [{a 1}]
	// dead: b 3 timeout
	// dead: c 1 c: invalid payload
}
