package intro

import "fmt"

// ANCHOR: println
// printWithPrintln shows how Println and Print lay out their arguments.
func printWithPrintln() {
	fmt.Println("port", 8080, "ready:", true)
	fmt.Println(7.0, 2.50, 1e6)
	fmt.Print("Print adds no newline. ")
	fmt.Print("So this follows on the same line.\n")
}

// ANCHOR_END: println

func Example_println() {
	printWithPrintln()
	// Output:
	// port 8080 ready: true
	// 7 2.5 1e+06
	// Print adds no newline. So this follows on the same line.
}

// ANCHOR: verbs
// printWithVerbs shows the most used Printf verbs.
func printWithVerbs() {
	service := "payments"
	port := 8080
	load := 0.4567
	healthy := true
	regions := []string{"eu", "us"}

	fmt.Printf("%s listens on port %d\n", service, port)
	fmt.Printf("service=%q healthy=%v regions=%v\n", service, healthy, regions)
	fmt.Printf("load %.2f, or %.1f%%, exactly %v\n", load, load*100, load)
}

// ANCHOR_END: verbs

func Example_verbs() {
	printWithVerbs()
	// Output:
	// payments listens on port 8080
	// service="payments" healthy=true regions=[eu us]
	// load 0.46, or 45.7%, exactly 0.4567
}

// ANCHOR: sprintf
// formatAddress builds a string with Sprintf.
func formatAddress() {
	host := "localhost"
	port := 8080
	addr := fmt.Sprintf("%s:%d", host, port) // a string; nothing is printed
	fmt.Println("listening on", addr)
}

// ANCHOR_END: sprintf

func Example_sprintf() {
	formatAddress()
	// Output: listening on localhost:8080
}

// ANCHOR: width
// printTable lines up columns with widths.
func printTable() {
	fmt.Printf("|%-8s|%5d|%7.2f|\n", "GET", 200, 1.5)
	fmt.Printf("|%-8s|%5d|%7.2f|\n", "DELETE", 404, 12.25)
}

// ANCHOR_END: width

func Example_width() {
	printTable()
	// Output:
	// |GET     |  200|   1.50|
	// |DELETE  |  404|  12.25|
}

// ANCHOR: bad
// printMismatched calls Printf with the format "%d requests from %s\n"
// and arguments that do not match its verbs.
func printMismatched(format string) {
	fmt.Printf(format, 3)           // an argument is missing
	fmt.Printf(format, "three", 42) // arguments of the wrong types
}

// ANCHOR_END: bad

func Example_badVerbs() {
	// The format is passed in a variable so that go vet cannot see the
	// mistakes: it refuses them when the format is written in the call.
	printMismatched("%d requests from %s\n")
	// Output:
	// 3 requests from %!s(MISSING)
	// %!d(string=three) requests from %!s(int=42)
}
