package cli

import (
	"flag"
	"fmt"
	"os"
)

// parse runs a fresh flag set over args and prints what it found. It
// uses ContinueOnError so that an error is returned instead of ending the
// program, and writes the flag package's messages to stdout so that the
// examples can show them.
func parse(args ...string) {
	fs := flag.NewFlagSet("fetch", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	fs.Usage = func() {} // keep the examples short: no usage text
	retries := fs.Int("retries", 3, "attempts per URL")
	verbose := fs.Bool("v", false, "print every attempt")
	if err := fs.Parse(args); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("retries=%d v=%t args=%q\n", *retries, *verbose, fs.Args())
}

// ANCHOR: forms
func Example_forms() {
	parse()                                   // nothing given: the defaults
	parse("-retries", "5", "a.com")           // -name value
	parse("-retries=5", "-v", "a.com")        // -name=value; a bool needs no value
	parse("--retries=5", "-v=false", "a.com") // -- works like -
	// Output:
	// retries=3 v=false args=[]
	// retries=5 v=false args=["a.com"]
	// retries=5 v=true args=["a.com"]
	// retries=5 v=false args=["a.com"]
}

// ANCHOR_END: forms

// ANCHOR: stop
func Example_stop() {
	parse("a.com", "-v")        // flags end at the first non-flag argument
	parse("-v", "--", "-x.com") // and after "--", which is dropped
	// Output:
	// retries=3 v=false args=["a.com" "-v"]
	// retries=3 v=true args=["-x.com"]
}

// ANCHOR_END: stop

// ANCHOR: errors
func Example_errors() {
	parse("-retries", "many")
	parse("-retry", "5")
	parse("-v", "yes") // a bool takes no separate value: "yes" is an argument
	// Output:
	// invalid value "many" for flag -retries: parse error
	// error: invalid value "many" for flag -retries: parse error
	// flag provided but not defined: -retry
	// error: flag provided but not defined: -retry
	// retries=3 v=true args=["yes"]
}

// ANCHOR_END: errors
