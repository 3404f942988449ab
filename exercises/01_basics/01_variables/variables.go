// Exercise: variables and zero values.
//
// Complete Describe so that it returns the zero values of an int, a string
// and a bool, in that order. Do not write the values by hand: declare the
// variables with `var` and return them.
package variables

// Describe returns the zero values of int, string and bool.
func Describe() (int, string, bool) {
	// TODO: declare three variables with var and return them.
	return 1, "one", true
}
