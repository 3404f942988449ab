package gotchas

import "fmt"

// conn is a fake connection that prints when it is opened and closed.
type conn struct{ name string }

func dial(name string) *conn {
	fmt.Println("open", name)
	return &conn{name}
}

func (c *conn) Close() error {
	fmt.Println("close", c.name)
	return nil
}

// ANCHOR: defer_in_loop
func pingAll(hosts []string) {
	for _, h := range hosts {
		c := dial(h)
		defer c.Close() // runs when pingAll returns, not at the end of the iteration
		fmt.Println("ping", h)
	}
}

// ANCHOR_END: defer_in_loop

func Example_deferInLoop() {
	pingAll([]string{"db1", "db2", "db3"})
	// Output:
	// open db1
	// ping db1
	// open db2
	// ping db2
	// open db3
	// ping db3
	// close db3
	// close db2
	// close db1
}

// ANCHOR: helper
func pingAllFixed(hosts []string) {
	for _, h := range hosts {
		ping(h)
	}
}

// ping owns one connection: its defer runs when ping returns, once per host.
func ping(h string) {
	c := dial(h)
	defer c.Close()
	fmt.Println("ping", h)
}

// ANCHOR_END: helper

func Example_deferInHelper() {
	pingAllFixed([]string{"db1", "db2", "db3"})
	// Output:
	// open db1
	// ping db1
	// close db1
	// open db2
	// ping db2
	// close db2
	// open db3
	// ping db3
	// close db3
}
