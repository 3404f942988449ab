package types

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// ANCHOR: interface
// User is an account.
type User struct {
	ID   int
	Name string
}

// UserFinder is what greet needs: one method. Any type with this method
// satisfies it, with no "implements" declaration.
type UserFinder interface {
	FindUser(id int) (User, error)
}

// greet is written against the interface: it works with a database, a
// cache, or a fake in a test.
func greet(users UserFinder, id int) string {
	u, err := users.FindUser(id)
	if err != nil {
		return "Hello, stranger"
	}
	return "Hello, " + u.Name
}

// memoryUsers keeps users in a map.
type memoryUsers map[int]User

func (m memoryUsers) FindUser(id int) (User, error) {
	u, ok := m[id]
	if !ok {
		return User{}, errors.New("no such user")
	}
	return u, nil
}

// A compile-time check that memoryUsers satisfies UserFinder.
var _ UserFinder = memoryUsers(nil)

func ExampleUserFinder() {
	users := memoryUsers{1: {ID: 1, Name: "Ada"}}
	fmt.Println(greet(users, 1))
	fmt.Println(greet(users, 2))
	// Output:
	// Hello, Ada
	// Hello, stranger
}

// ANCHOR_END: interface

// ANCHOR: writer
// report writes to any io.Writer: a file, a network connection, an HTTP
// response, or a buffer.
func report(w io.Writer, open, closed int) error {
	_, err := fmt.Fprintf(w, "open: %d, closed: %d\n", open, closed)
	return err
}

func Example_report() {
	report(os.Stdout, 3, 9)

	var buf bytes.Buffer
	report(&buf, 1, 2)
	fmt.Printf("%q\n", buf.String())
	// Output:
	// open: 3, closed: 9
	// "open: 1, closed: 2\n"
}

// ANCHOR_END: writer
