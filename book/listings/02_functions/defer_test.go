package functions

import (
	"errors"
	"fmt"
)

// ANCHOR: order
func Example_deferOrder() {
	func() {
		for i := range 3 {
			defer fmt.Println("deferred", i) // i is evaluated now
		}
		fmt.Println("body done")
	}() // the three deferred calls run here, newest first
	// Output:
	// body done
	// deferred 2
	// deferred 1
	// deferred 0
}

// ANCHOR_END: order

// ANCHOR: args
func Example_deferArguments() {
	x := 1
	defer fmt.Println("argument evaluated at defer time:", x)
	defer func() { fmt.Println("closure reads x when it runs:", x) }()
	x = 2
	// Output:
	// closure reads x when it runs: 2
	// argument evaluated at defer time: 1
}

// ANCHOR_END: args

// ANCHOR: cleanup
// conn stands for anything that must be closed: a file, a database
// connection, a lock.
type conn struct {
	name string
	log  *[]string
}

func open(name string, log *[]string) (*conn, error) {
	if name == "broken" {
		return nil, errors.New("cannot open " + name)
	}
	*log = append(*log, "open "+name)
	return &conn{name, log}, nil
}

func (c *conn) Close() { *c.log = append(*c.log, "close "+c.name) }

// copyData opens a source and a destination. Each defer sits right after
// the successful open it undoes, so every way out of the function closes
// exactly what was opened, in reverse order.
func copyData(src, dst string, log *[]string) error {
	in, err := open(src, log)
	if err != nil {
		return err
	}
	defer in.Close()

	out, err := open(dst, log)
	if err != nil {
		return err // in is closed by its deferred call
	}
	defer out.Close()

	*log = append(*log, "copy")
	return nil
}

func Example_copyData() {
	var log []string
	fmt.Println(copyData("a.txt", "b.txt", &log), log)

	log = nil
	fmt.Println(copyData("a.txt", "broken", &log), log)
	// Output:
	// <nil> [open a.txt open b.txt copy close b.txt close a.txt]
	// cannot open broken [open a.txt close a.txt]
}

// ANCHOR_END: cleanup

// ANCHOR: panic
func Example_deferOnPanic() {
	defer func() {
		// recover stops the panic; module 05 shows where that belongs.
		fmt.Println("recovered:", recover())
	}()
	defer fmt.Println("deferred calls run while a panic unwinds")
	panic("something broke")
	// Output:
	// deferred calls run while a panic unwinds
	// recovered: something broke
}

// ANCHOR_END: panic
