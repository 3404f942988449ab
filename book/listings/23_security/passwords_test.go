package security

import (
	"errors"
	"fmt"

	"golang.org/x/crypto/bcrypt"
)

// ANCHOR: bcrypt
func Example_bcrypt() {
	hash, err := bcrypt.GenerateFromPassword([]byte("hunter2"), bcrypt.DefaultCost)
	if err != nil {
		panic(err) // bcrypt.ErrPasswordTooLong past 72 bytes
	}
	again, _ := bcrypt.GenerateFromPassword([]byte("hunter2"), bcrypt.DefaultCost)
	fmt.Println(string(hash[:7]), string(hash) == string(again)) // $2a$10$ false

	err = bcrypt.CompareHashAndPassword(hash, []byte("hunter2"))
	fmt.Println(err == nil)
	err = bcrypt.CompareHashAndPassword(hash, []byte("hunter3"))
	fmt.Println(errors.Is(err, bcrypt.ErrMismatchedHashAndPassword))
	// Output:
	// $2a$10$ false
	// true
	// true
}

// ANCHOR_END: bcrypt
