package main

import (
	"flag"
	"os"
)

// Example runs main as if the shell had started
// `fetch -timeout 2s -v https://example.com`.
func Example() {
	os.Args = []string{"fetch", "-timeout", "2s", "-v", "https://example.com"}
	flag.CommandLine = flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	main()
	// Output: fetch https://example.com (timeout 2s, 3 retries, verbose true)
}
