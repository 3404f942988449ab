package deployment

import (
	"fmt"
	"io"
	"os"
)

// ANCHOR: exit
// exConfig is sysexits.h's "configuration error": the status a program
// exits with when it refuses to start because of its configuration.
const exConfig = 78

// refuse prints every problem, one per line, and returns the status for
// os.Exit.
func refuse(stderr io.Writer, problems []error) int {
	for _, p := range problems {
		fmt.Fprintln(stderr, "config:", p)
	}
	return exConfig
}

// ANCHOR_END: exit

func Example_refuse() {
	status := refuse(os.Stdout, []error{
		fmt.Errorf("SHOP_PORT: %q is not a number", "http"),
		fmt.Errorf("SHOP_DATABASE_URL: required, and not set"),
	})
	fmt.Println("exit status", status)
	// Output:
	// config: SHOP_PORT: "http" is not a number
	// config: SHOP_DATABASE_URL: required, and not set
	// exit status 78
}
