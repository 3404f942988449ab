package basics

// ANCHOR: shape

// Greeting returns the text a server answers to a visitor called name.
func Greeting(name string) string {
	return "Hello, " + name + "!"
}

// Area returns the area of a width × height rectangle.
func Area(width, height int) int {
	return width * height
}

// ANCHOR_END: shape
