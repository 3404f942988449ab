package basics

import "fmt"

// ANCHOR: constants
// MaxRetries has no type of its own: it is an untyped constant.
const MaxRetries = 3

// Timeout in seconds; 2.5 is an untyped floating-point constant.
const Timeout = 2.5

// ANCHOR_END: constants

// ANCHOR: untyped
// untypedConstants uses one constant as an int and as a float64.
func untypedConstants() {
	var attempts int = MaxRetries   // fits an int
	var budget float64 = MaxRetries // and a float64: untyped constants adapt
	fmt.Println(attempts, budget*Timeout)
}

// ANCHOR_END: untyped

func Example_constants() {
	untypedConstants()
	// Output: 3 7.5
}

// ANCHOR: iota
// OrderStatus says where an order is.
type OrderStatus int

// The statuses, in the order an order goes through them.
const (
	Pending   OrderStatus = iota // 0: iota counts the lines of the block from 0
	Paid                         // 1: repeats "OrderStatus = iota", with iota = 1
	Shipped                      // 2
	Delivered                    // 3
)

// ANCHOR_END: iota

// ANCHOR: iota_use
// useStatuses uses the OrderStatus constants.
func useStatuses() {
	var s OrderStatus // the zero value is Pending: a new order starts there
	fmt.Println(s == Pending, Paid, Delivered)
	fmt.Println(Shipped > Paid) // the values are ordered, so they compare
}

// ANCHOR_END: iota_use

func Example_iota() {
	useStatuses()
	// Output:
	// true 1 3
	// true
}

// ANCHOR: sizes
// Sizes in bytes: each unit is 1024 times the one before.
const (
	_  = iota             // iota 0 is skipped by assigning it to _
	KB = 1 << (10 * iota) // 1 << 10 = 1024
	MB                    // 1 << 20, the expression repeated with iota = 2
	GB                    // 1 << 30
)

// ANCHOR_END: sizes

// ANCHOR: repeat
// Without iota, the repeated expression gives the same value every time.
const (
	First  = 10
	Second // 10 again
	Third  // 10 again
)

// ANCHOR_END: repeat

func Example_sizes() {
	fmt.Println(KB, MB, GB)
	fmt.Println(First, Second, Third)
	// Output:
	// 1024 1048576 1073741824
	// 10 10 10
}
