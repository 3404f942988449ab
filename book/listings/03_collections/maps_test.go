package collections

import "fmt"

// ANCHOR: basics
func Example_mapBasics() {
	status := map[int]string{200: "OK", 404: "Not Found"} // a map literal
	status[500] = "Internal Server Error"                 // add or replace

	fmt.Println(status[404], len(status))

	text, ok := status[418] // comma ok: was the key there?
	fmt.Printf("%q %t\n", text, ok)

	delete(status, 404) // remove a key (no error if it is missing)
	_, ok = status[404]
	fmt.Println(ok)
	// Output:
	// Not Found 3
	// "" false
	// false
}

// ANCHOR_END: basics

// ANCHOR: nilmap
func Example_nilMap() {
	var m map[string]int // declared, but no map was made: m is nil

	fmt.Println(m["x"], len(m)) // reading a nil map is fine: zero values
	delete(m, "x")              // so is deleting from it
	for range m {               // and ranging over it
	}

	defer func() { fmt.Println("panic:", recover()) }()
	m["x"] = 1 // writing is not
	// Output:
	// 0 0
	// panic: assignment to entry in nil map
}

// ANCHOR_END: nilmap

// ANCHOR: make
func Example_makeMap() {
	counts := make(map[string]int) // an empty map, ready for writes
	for _, method := range []string{"GET", "POST", "GET"} {
		counts[method]++ // a missing key reads as 0, so ++ just works
	}
	fmt.Println(counts)
	// Output: map[GET:2 POST:1]
}

// ANCHOR_END: make

// ANCHOR: zero
func Example_zeroOrMissing() {
	stock := map[string]int{"apples": 0}
	fmt.Println(stock["apples"], stock["pears"]) // both 0: which is missing?

	_, hasApples := stock["apples"]
	_, hasPears := stock["pears"]
	fmt.Println(hasApples, hasPears)
	// Output:
	// 0 0
	// true false
}

// ANCHOR_END: zero
