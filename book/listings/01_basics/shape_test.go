package basics

import "fmt"

func ExampleGreeting() {
	fmt.Println(Greeting("Ada"))
	fmt.Println(Area(3, 4))
	// Output:
	// Hello, Ada!
	// 12
}
