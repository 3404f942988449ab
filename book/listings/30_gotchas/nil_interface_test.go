package gotchas

import (
	"errors"
	"fmt"
)

// ANCHOR: typed_nil
// NotFoundError says which record a lookup could not find.
type NotFoundError struct{ ID int }

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("record %d not found", e.ID)
}

// findUser "succeeds" for id 1, but returns its *NotFoundError variable,
// nil or not, as an error.
func findUser(id int) error {
	var nf *NotFoundError
	if id != 1 {
		nf = &NotFoundError{ID: id}
	}
	return nf // wrong: a nil *NotFoundError becomes a non-nil error
}

// ANCHOR_END: typed_nil

func Example_typedNil() {
	// ANCHOR: typed_nil_use
	err := findUser(1)
	fmt.Println(err == nil)         // false!
	fmt.Printf("%v %T\n", err, err) // the interface holds a type and a nil pointer
	// ANCHOR_END: typed_nil_use

	// Output:
	// false
	// <nil> *gotchas.NotFoundError
}

// ANCHOR: fixed
// findUserFixed returns a plain nil on success: an interface with neither
// type nor value, the only error that compares equal to nil.
func findUserFixed(id int) error {
	if id != 1 {
		return &NotFoundError{ID: id}
	}
	return nil
}

// ANCHOR_END: fixed

func Example_untypedNil() {
	fmt.Println(findUserFixed(1) == nil)
	var nf *NotFoundError
	fmt.Println(errors.As(findUserFixed(7), &nf), nf.ID)
	// Output:
	// true
	// true 7
}
