package errs

import (
	"errors"
	"fmt"
)

// ANCHOR: join
var (
	ErrNoHost = errors.New("host is required")
	ErrPort   = errors.New("port must be between 1 and 65535")
)

// checkAddr reports every problem with host and port, not just the first.
func checkAddr(host string, port int) error {
	var errs []error
	if host == "" {
		errs = append(errs, ErrNoHost)
	}
	if port < 1 || port > 65535 {
		errs = append(errs, fmt.Errorf("port %d: %w", port, ErrPort))
	}
	return errors.Join(errs...) // nil when errs is empty
}

func Example_join() {
	err := checkAddr("", 70000)
	fmt.Println(err) // one line per error
	fmt.Println(errors.Is(err, ErrNoHost), errors.Is(err, ErrPort))
	fmt.Println(checkAddr("db.internal", 5432) == nil)
	// Output:
	// host is required
	// port 70000: port must be between 1 and 65535
	// true true
	// true
}

// ANCHOR_END: join
