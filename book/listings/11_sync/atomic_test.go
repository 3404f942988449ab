package syncdemo

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// ANCHOR: gauge
// Connections counts open connections and remembers the most at once.
// The zero value is ready: atomic.Int64 starts at 0.
type Connections struct {
	open atomic.Int64
	peak atomic.Int64
}

func (c *Connections) Opened() {
	n := c.open.Add(1) // Add returns the new value: no separate Load
	// Raise peak to n unless another goroutine raised it higher already.
	// CompareAndSwap(old, new) stores new only if the value is still old.
	for {
		p := c.peak.Load()
		if n <= p || c.peak.CompareAndSwap(p, n) {
			return
		}
	}
}

func (c *Connections) Closed() { c.open.Add(-1) }

// ANCHOR_END: gauge

func ExampleConnections() {
	var c Connections
	var opened, done sync.WaitGroup
	release := make(chan struct{})
	for range 50 {
		opened.Add(1)
		done.Go(func() {
			c.Opened()
			opened.Done()
			<-release // hold the connection until all 50 are open
			c.Closed()
		})
	}
	opened.Wait()
	close(release)
	done.Wait()
	fmt.Println("open:", c.open.Load(), "peak:", c.peak.Load())
	// Output: open: 0 peak: 50
}
