// Exercise: your first Go program.
//
// Make the program print exactly:
//
//	Hello, backend!
//
// followed by a newline. Save the file and watch the verdict change.
package main

func main() {
	// TODO: print the greeting with fmt.Println.
}
