package networking

import (
	"fmt"
	"sync/atomic"
)

// ANCHOR: pick
type pool struct {
	next    atomic.Uint64
	healthy []atomic.Bool // written by the health checker
}

// pick returns the next healthy backend, or -1. Each skipped backend uses
// up its turn, so the healthy ones still share the load evenly.
func (p *pool) pick() int {
	n := uint64(len(p.healthy))
	for range n {
		i := (p.next.Add(1) - 1) % n
		if p.healthy[i].Load() {
			return int(i)
		}
	}
	return -1
}

// ANCHOR_END: pick

func Example_pick() {
	p := &pool{healthy: make([]atomic.Bool, 3)}
	for i := range p.healthy {
		p.healthy[i].Store(true)
	}
	p.healthy[1].Store(false) // a check failed
	for range 4 {
		fmt.Print(p.pick(), " ")
	}
	p.healthy[1].Store(true) // a later check passed
	for range 3 {
		fmt.Print(p.pick(), " ")
	}
	fmt.Println()
	// Output: 0 2 0 2 0 1 2
}
