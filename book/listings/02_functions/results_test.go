package functions

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ANCHOR: divide
// divide returns the quotient and the remainder of a / b, or an error when
// b is 0. The error comes last, by convention.
func divide(a, b int) (int, int, error) {
	if b == 0 {
		return 0, 0, errors.New("division by zero")
	}
	return a / b, a % b, nil
}

func Example_divide() {
	q, r, err := divide(17, 5)
	fmt.Println(q, r, err)

	q, r, err = divide(1, 0)
	if err != nil {
		fmt.Println("error:", err, "- q and r are", q, r)
	}
	// Output:
	// 3 2 <nil>
	// error: division by zero - q and r are 0 0
}

// ANCHOR_END: divide

// ANCHOR: stdlib
func Example_standardLibrary() {
	n, err := strconv.Atoi("42") // (int, error)
	fmt.Println(n, err)

	_, err = strconv.Atoi("forty-two") // _ discards a result you don't need
	fmt.Println(err)

	user, host, found := strings.Cut("ada@example.com", "@") // (string, string, bool)
	fmt.Println(user, host, found)

	ages := map[string]int{"ada": 36}
	age, ok := ages["grace"] // the "comma ok" form: is the key there?
	fmt.Println(age, ok)
	// Output:
	// 42 <nil>
	// strconv.Atoi: parsing "forty-two": invalid syntax
	// ada example.com true
	// 0 false
}

// ANCHOR_END: stdlib
