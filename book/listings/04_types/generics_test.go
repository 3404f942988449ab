package types

import (
	"fmt"
	"maps"
	"slices"
)

// ANCHOR: func
// Number is a constraint: the types Sum accepts. ~int means int and every
// type whose underlying type is int (such as type Cents int).
type Number interface {
	~int | ~int64 | ~float64
}

// Sum adds up xs, whatever their number type.
func Sum[T Number](xs []T) T {
	var total T // the zero value of T
	for _, x := range xs {
		total += x
	}
	return total
}

// Cents is a named type; ~int in Number lets Sum accept it.
type Cents int

func ExampleSum() {
	fmt.Println(Sum([]int{1, 2, 3}))       // T inferred as int
	fmt.Println(Sum([]float64{0.5, 0.25})) // T inferred as float64
	fmt.Println(Sum([]Cents{199, 1}))      // T inferred as Cents
	fmt.Println(Sum[float64](nil))         // T given explicitly
	// Output:
	// 6
	// 0.75
	// 200
	// 0
}

// ANCHOR_END: func

// ANCHOR: type
// Stack is a last-in, first-out stack of T. Its zero value is empty.
type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) {
	s.items = append(s.items, v)
}

// Pop removes and returns the top element, and false when there is none.
func (s *Stack[T]) Pop() (T, bool) {
	if len(s.items) == 0 {
		var zero T
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func ExampleStack() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok)
	s.Pop()
	v, ok = s.Pop()
	fmt.Printf("%q %v\n", v, ok)
	// Output:
	// b true
	// "" false
}

// ANCHOR_END: type

// ANCHOR: stdlib
func Example_stdlib() {
	ages := map[string]int{"ada": 36, "linus": 54, "grace": 85}
	names := slices.Sorted(maps.Keys(ages))
	fmt.Println(names)
	fmt.Println(slices.Max(slices.Collect(maps.Values(ages))))
	fmt.Println(slices.Index(names, "grace"), slices.Contains(names, "bob"))
	// Output:
	// [ada grace linus]
	// 85
	// 1 false
}

// ANCHOR_END: stdlib
