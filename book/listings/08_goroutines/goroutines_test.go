package goroutines

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// ANCHOR: waitgroup
func Example_waitGroup() {
	words := []string{"go", "chan", "select"}
	lengths := make([]int, len(words)) // one slot per goroutine

	var wg sync.WaitGroup
	for i, w := range words {
		wg.Add(1) // count the goroutine BEFORE starting it
		go func() {
			defer wg.Done() // uncount it when it ends, however it ends
			lengths[i] = len(w)
		}()
	}
	wg.Wait() // blocks until the count is back to zero

	fmt.Println(lengths)
	// Output: [2 4 6]
}

// ANCHOR_END: waitgroup

// ANCHOR: wggo
func Example_waitGroupGo() {
	words := []string{"go", "chan", "select"}
	upper := make([]string, len(words))

	var wg sync.WaitGroup
	for i, w := range words {
		wg.Go(func() { // Add(1), go, and Done when the function returns
			upper[i] = strings.ToUpper(w)
		})
	}
	wg.Wait()

	fmt.Println(upper)
	// Output: [GO CHAN SELECT]
}

// ANCHOR_END: wggo

func ExampleCaptureOld() {
	fmt.Println("Go 1.21 rules:", CaptureOld())
	fmt.Println("Go 1.22 rules:", CaptureNew())
	// Output:
	// Go 1.21 rules: [3 3 3]
	// Go 1.22 rules: [0 1 2]
}

// ANCHOR: fix
func Example_captureFix() {
	names := []string{"ada", "bob", "cy"}
	greetings := make([]string, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		// Both fixes were needed before Go 1.22, and are harmless after:
		i := i // 1. copy the variable inside the loop body...
		wg.Add(1)
		go func(n string) { // 2. ...or pass it as an argument
			defer wg.Done()
			greetings[i] = "hi " + n
		}(name)
	}
	wg.Wait()
	fmt.Println(greetings)
	// Output: [hi ada hi bob hi cy]
}

// ANCHOR_END: fix

// ANCHOR: gomaxprocs
func Example_gomaxprocs() {
	old := runtime.GOMAXPROCS(3) // set to 3; returns the previous value
	defer runtime.GOMAXPROCS(old)

	procs := runtime.GOMAXPROCS(0) // 0 only reads it
	for _, jobs := range []int{1, 10} {
		fmt.Printf("%d jobs: %d workers\n", jobs, min(jobs, procs))
	}
	// Output:
	// 1 jobs: 1 workers
	// 10 jobs: 3 workers
}

// ANCHOR_END: gomaxprocs

// ANCHOR: slots
func Example_slots() {
	readings := []int{7, 3, 9, 1, 8, 2, 6, 4}
	const parts = 2
	chunk := (len(readings) + parts - 1) / parts
	maxima := make([]int, parts) // slot p belongs to goroutine p alone

	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() {
			for _, r := range readings[p*chunk : min((p+1)*chunk, len(readings))] {
				maxima[p] = max(maxima[p], r)
			}
		})
	}
	wg.Wait() // after Wait, every slot is written and safe to read

	fmt.Println(maxima, "overall:", max(maxima[0], maxima[1]))
	// Output: [9 8] overall: 9
}

// ANCHOR_END: slots
