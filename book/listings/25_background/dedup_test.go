package background

import (
	"errors"
	"fmt"
)

type delivery struct {
	id   string
	ack  func()
	nack func()
}

// ANCHOR: dedup
// consume processes one delivery of an at-least-once broker. The order of
// the three steps is the whole point: process, remember, acknowledge.
// A crash before the ack means a redelivery, which the seen set turns into
// a no-op; remembering before success would turn a failure into a loss.
func consume(d delivery, seen map[string]bool, process func(string) error) {
	if seen[d.id] {
		d.ack() // processed before: acknowledge the duplicate, do nothing
		return
	}
	if err := process(d.id); err != nil {
		d.nack() // not done: the broker delivers it again
		return
	}
	seen[d.id] = true
	d.ack()
}

// ANCHOR_END: dedup

func Example_consume() {
	seen := map[string]bool{}
	fails := 1
	process := func(id string) error {
		if id == "m2" && fails > 0 {
			fails--
			return errors.New("database busy")
		}
		fmt.Println("processed", id)
		return nil
	}
	for _, id := range []string{"m1", "m2", "m1", "m2", "m2"} {
		consume(delivery{
			id:   id,
			ack:  func() { fmt.Println("ack", id) },
			nack: func() { fmt.Println("nack", id) },
		}, seen, process)
	}
	// Output:
	// processed m1
	// ack m1
	// nack m2
	// ack m1
	// processed m2
	// ack m2
	// ack m2
}
