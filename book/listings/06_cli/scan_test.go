package cli

import (
	"bufio"
	"fmt"
	"strings"
)

// ANCHOR: lines
func Example_lines() {
	input := strings.NewReader("first\r\nsecond\n\nlast") // no final newline
	sc := bufio.NewScanner(input)
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%d: %q\n", n, sc.Text()) // the line without "\n" or "\r\n"
	}
	if err := sc.Err(); err != nil { // nil at the normal end of the input
		fmt.Println("read error:", err)
	}
	// Output:
	// 1: "first"
	// 2: "second"
	// 3: ""
	// 4: "last"
}

// ANCHOR_END: lines

// ANCHOR: words
func Example_words() {
	sc := bufio.NewScanner(strings.NewReader("  the quick\tbrown\n\nfox "))
	sc.Split(bufio.ScanWords) // tokens are now words, not lines
	words := 0
	for sc.Scan() {
		words++
	}
	fmt.Println(words, "words")
	// Output: 4 words
}

// ANCHOR_END: words

// ANCHOR: long
func Example_longLine() {
	long := strings.Repeat("x", 100_000) + "\nshort\n" // a 100 kB line
	sc := bufio.NewScanner(strings.NewReader(long))
	for sc.Scan() {
		fmt.Println(len(sc.Text()))
	}
	fmt.Println("error:", sc.Err()) // the default limit is 64 KiB a line

	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024) // allow lines up to 1 MiB
	for sc.Scan() {
		fmt.Println(len(sc.Text()))
	}
	fmt.Println("error:", sc.Err())
	// Output:
	// error: bufio.Scanner: token too long
	// 100000
	// 5
	// error: <nil>
}

// ANCHOR_END: long
