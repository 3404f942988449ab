// Command fetch pretends to download URLs, to show the flag package:
// `fetch -timeout 2s -retries 5 -v https://example.com`.
package main

// ANCHOR: flags
import (
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	// Each call defines a flag: its name, its default and a help text, and
	// returns a pointer to where the value will be stored.
	timeout := flag.Duration("timeout", 10*time.Second,
		"give up on a URL after this long")
	retries := flag.Int("retries", 3, "attempts per URL")
	verbose := flag.Bool("v", false, "print every attempt")
	flag.Parse() // reads os.Args[1:]; on an error it prints it and exits 2

	if *retries < 1 { // checks the flag package cannot make are yours
		fmt.Fprintln(os.Stderr, "fetch: -retries must be at least 1")
		flag.Usage()
		os.Exit(2)
	}
	urls := flag.Args() // the arguments left after the flags
	for _, u := range urls {
		fmt.Printf("fetch %s (timeout %v, %d retries, verbose %t)\n",
			u, *timeout, *retries, *verbose)
	}
}

// ANCHOR_END: flags
