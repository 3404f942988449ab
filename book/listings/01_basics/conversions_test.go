package basics

import (
	"fmt"
	"strconv"
)

// ANCHOR: convert
// convertNumbers converts between int and float64.
func convertNumbers() {
	requests := 7
	seconds := 2.0

	rate := float64(requests) / seconds // int → float64, explicitly
	whole := int(rate)                  // float64 → int drops the fraction
	below := -3.99
	fmt.Println(rate, whole, int(below)) // towards zero: -3, not -4
}

// ANCHOR_END: convert

func Example_conversions() {
	convertNumbers()
	// Output: 3.5 3 -3
}

// ANCHOR: division
// divideIntegers shows integer division and remainders.
func divideIntegers() {
	fmt.Println(7/2, 7%2)       // int / int is an int: the fraction is dropped
	fmt.Println(-7/2, -7%2)     // towards zero; the remainder takes the sign of -7
	fmt.Println(7.0 / 2)        // a float division
	fmt.Println(float64(7 / 2)) // too late: 7/2 is already 3
}

// ANCHOR_END: division

func Example_integerDivision() {
	divideIntegers()
	// Output:
	// 3 1
	// -3 -1
	// 3.5
	// 3
}

// ANCHOR: strconv
// numbersAndText converts between numbers and their text.
func numbersAndText() {
	port := 8080
	text := strconv.Itoa(port) // int → its digits: "8080"
	fmt.Printf("%q\n", "port "+text)

	n, err := strconv.Atoi("443") // text → int; it can fail, so it returns an error too
	fmt.Println(n, err)

	n, err = strconv.Atoi("4x3")
	fmt.Println(n, err)
}

// ANCHOR_END: strconv

func Example_strconv() {
	numbersAndText()
	// Output:
	// "port 8080"
	// 443 <nil>
	// 0 strconv.Atoi: parsing "4x3": invalid syntax
}

// ANCHOR: rune
// runeOrDigits shows what string(rune(n)) makes.
func runeOrDigits() {
	code := 65
	// The character A, then the text "65".
	fmt.Println(string(rune(code)), strconv.Itoa(code))
}

// ANCHOR_END: rune

func Example_runeConversion() {
	runeOrDigits()
	// Output: A 65
}

// ANCHOR: overflow
// wrapAround shows an integer growing past its range.
func wrapAround() {
	var small int8 = 127 // int8 holds -128 to 127
	small++              // no error: it wraps around
	fmt.Println(small)
}

// ANCHOR_END: overflow

func Example_overflow() {
	wrapAround()
	// Output: -128
}
