package errs

import "fmt"

// ANCHOR: named
// withContext shows a deferred function changing a named result after the
// return statement has set it.
func withContext(name string) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("job %s: %w", name, err)
		}
	}()
	return ErrEmpty
}

func Example_named() {
	fmt.Println(withContext("nightly-report"))
	// Output:
	// job nightly-report: queue is empty
}

// ANCHOR_END: named

// ANCHOR: recover
// serve calls a request handler and answers 500 if it panics, so one bad
// request cannot bring down the server. It is the boundary: the only place
// that recovers.
func serve(handler func() string) (status int, body string) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("log: handler panicked:", r) // a real server logs it
			status, body = 500, "internal error"     // no details to the client
		}
	}()
	return 200, handler()
}

func Example_recover() {
	fmt.Println(serve(func() string { return "hello" }))
	fmt.Println(serve(func() string {
		var cache map[string]string
		cache["k"] = "v" // a bug: writing to a nil map panics
		return "unreachable"
	}))
	// Output:
	// 200 hello
	// log: handler panicked: assignment to entry in nil map
	// 500 internal error
}

// ANCHOR_END: recover
