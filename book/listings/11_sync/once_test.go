package syncdemo

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// ANCHOR: once
type Templates struct {
	once   sync.Once
	parsed map[string]string // written once, inside once.Do
	parses atomic.Int32      // to show how often parsing ran
}

// Get parses the templates on first use. Goroutines that call Get while
// the first one is parsing wait for it to finish, then all see parsed.
func (t *Templates) Get(name string) string {
	t.once.Do(func() {
		t.parses.Add(1)
		t.parsed = map[string]string{"hello": "Hello, {{.Name}}!"}
	})
	return t.parsed[name]
}

// ANCHOR_END: once

func ExampleTemplates() {
	var t Templates
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { t.Get("hello") })
	}
	wg.Wait()
	fmt.Println(t.Get("hello"), "parsed", t.parses.Load(), "time(s)")
	// Output: Hello, {{.Name}}! parsed 1 time(s)
}

// ANCHOR: oncevalue
// sync.OnceValue (Go 1.21) wraps a function so that it runs once; every
// call returns its first result. OnceValues does the same for a (value,
// error) pair, error included.
func ExampleOnceValue() {
	loadMOTD := sync.OnceValue(func() string {
		fmt.Println("(reading the message of the day)")
		return strings.ToUpper("maintenance at 22:00")
	})

	fmt.Println(loadMOTD())
	fmt.Println(loadMOTD())
	// Output:
	// (reading the message of the day)
	// MAINTENANCE AT 22:00
	// MAINTENANCE AT 22:00
}

// ANCHOR_END: oncevalue
