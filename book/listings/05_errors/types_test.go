package errs

import (
	"errors"
	"fmt"
	"time"
)

// ANCHOR: type
// RateLimitError says the caller must slow down, and for how long.
type RateLimitError struct {
	RetryAfter time.Duration
}

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited: retry after %v", e.RetryAfter)
}

// callAPI pretends an API refused the call, and wraps that in context.
func callAPI() error {
	err := &RateLimitError{RetryAfter: 30 * time.Second}
	return fmt.Errorf("sync invoices: %w", err)
}

func Example_as() {
	err := callAPI()
	var rle *RateLimitError // errors.As needs a pointer to a variable of the type
	if errors.As(err, &rle) {
		fmt.Println("wait", rle.RetryAfter)
	}
	// Output:
	// wait 30s
}

// ANCHOR_END: type

// ANCHOR: unwrap
// QueryError is an error with the query that failed and its cause.
type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }

// Unwrap lets errors.Is and errors.As look at the cause.
func (e *QueryError) Unwrap() error { return e.Err }

func Example_unwrap() {
	err := fmt.Errorf("list orders: %w",
		&QueryError{Query: "SELECT * FROM orders", Err: ErrNoRows})
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNoRows))
	var qe *QueryError
	fmt.Println(errors.As(err, &qe), qe.Query)
	// Output:
	// list orders: SELECT * FROM orders: no rows
	// true
	// true SELECT * FROM orders
}

// ANCHOR_END: unwrap
