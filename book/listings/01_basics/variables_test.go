package basics

import "fmt"

// ANCHOR: declare
// declareVariables shows var, := and =.
func declareVariables() {
	var port int = 8080  // var, a name, a type and a value
	var host = "example" // the type can be left out: the value says it is a string
	retries := 3         // := declares and gives a value (inside functions only)

	port = 9090  // = changes a variable that already exists
	retries += 2 // the same as retries = retries + 2

	fmt.Println(host, port, retries)
}

// ANCHOR_END: declare

func Example_declare() {
	declareVariables()
	// Output: example 9090 5
}

// ANCHOR: zero
// zeroValues prints variables declared without a value.
func zeroValues() {
	var count int
	var ratio float64
	var name string
	var ready bool

	fmt.Printf("count=%v ratio=%v name=%q ready=%v\n", count, ratio, name, ready)
}

// ANCHOR_END: zero

func Example_zeroValues() {
	zeroValues()
	// Output: count=0 ratio=0 name="" ready=false
}

// ANCHOR: multiple
// swap assigns two variables at once.
func swap() {
	a, b := 1, 2
	a, b = b, a // both right-hand values are read first: a swap
	fmt.Println(a, b)
}

// ANCHOR_END: multiple

func Example_multiple() {
	swap()
	// Output: 2 1
}

// ANCHOR: shadow
// shadowing shows := declaring a second variable in an inner block.
func shadowing() {
	region := "eu"
	if region == "eu" {
		region := "eu-west-1" // := makes a NEW region, alive only inside these braces
		fmt.Println("inside: ", region)
	}
	fmt.Println("after:  ", region) // the outer region never changed
}

// ANCHOR_END: shadow

func Example_shadowing() {
	shadowing()
	// Output:
	// inside:  eu-west-1
	// after:   eu
}
