package errs

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ANCHOR: new
// ErrEmpty is returned by Queue.Pop when there is nothing to pop. It is a
// sentinel: one value, made once, that callers compare with.
var ErrEmpty = errors.New("queue is empty")

// Queue is a first-in, first-out queue of jobs.
type Queue struct {
	jobs []string
}

func (q *Queue) Push(job string) { q.jobs = append(q.jobs, job) }

// Pop returns the oldest job, or ErrEmpty.
func (q *Queue) Pop() (string, error) {
	if len(q.jobs) == 0 {
		return "", ErrEmpty
	}
	job := q.jobs[0]
	q.jobs = q.jobs[1:]
	return job, nil
}

func ExampleQueue() {
	var q Queue
	q.Push("send-email")
	for {
		job, err := q.Pop()
		if errors.Is(err, ErrEmpty) {
			fmt.Println("done")
			break
		}
		fmt.Println("run", job)
	}
	// Output:
	// run send-email
	// done
}

// ANCHOR_END: new

// ANCHOR: eof
func Example_eof() {
	r := bufio.NewReader(strings.NewReader("first\nsecond\n"))
	for {
		line, err := r.ReadString('\n')
		if errors.Is(err, io.EOF) { // the standard library's best-known sentinel
			break
		}
		if err != nil {
			fmt.Println("read failed:", err)
			return
		}
		fmt.Print(line)
	}
	// Output:
	// first
	// second
}

// ANCHOR_END: eof
