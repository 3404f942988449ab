package errs

import (
	"errors"
	"fmt"
)

// ANCHOR: wrap
var ErrNoRows = errors.New("no rows")

// queryUser pretends to ask a database.
func queryUser(id int) (string, error) {
	return "", ErrNoRows
}

// loadUser adds what it knows: which user.
func loadUser(id int) (string, error) {
	name, err := queryUser(id)
	if err != nil {
		return "", fmt.Errorf("load user %d: %w", id, err)
	}
	return name, nil
}

// handleProfile adds what it knows: which request.
func handleProfile(id int) error {
	if _, err := loadUser(id); err != nil {
		return fmt.Errorf("GET /users/%d/profile: %w", id, err)
	}
	return nil
}

func Example_wrap() {
	err := handleProfile(7)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNoRows)) // found two levels down
	fmt.Println(err == ErrNoRows)          // == sees only the outer error
	// Output:
	// GET /users/7/profile: load user 7: no rows
	// true
	// false
}

// ANCHOR_END: wrap

// ANCHOR: verbs
func Example_wrapVersusFormat() {
	wrapped := fmt.Errorf("load user 7: %w", ErrNoRows)
	formatted := fmt.Errorf("load user 7: %v", ErrNoRows)

	fmt.Println(wrapped.Error() == formatted.Error()) // the same text...
	fmt.Println(errors.Is(wrapped, ErrNoRows))        // ...but only %w keeps the cause
	fmt.Println(errors.Is(formatted, ErrNoRows))
	fmt.Println(errors.Unwrap(wrapped) == ErrNoRows) // one level down
	// Output:
	// true
	// true
	// false
	// true
}

// ANCHOR_END: verbs
