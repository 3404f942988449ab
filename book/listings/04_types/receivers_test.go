package types

import "fmt"

// ANCHOR: receivers
// Gauge is a measurement that goes up and down.
type Gauge struct {
	value int
}

// AddToCopy has a value receiver: g is a copy of the caller's Gauge.
func (g Gauge) AddToCopy(n int) {
	g.value += n // changes the copy, which is then thrown away
}

// Add has a pointer receiver: g points at the caller's Gauge.
func (g *Gauge) Add(n int) {
	g.value += n
}

// Value only reads, but gets a pointer receiver too, like the other
// methods of the type.
func (g *Gauge) Value() int {
	return g.value
}

func ExampleGauge() {
	var g Gauge
	g.AddToCopy(5)
	fmt.Println(g.Value())
	g.Add(5) // Go takes the address for you: (&g).Add(5)
	fmt.Println(g.Value())
	// Output:
	// 0
	// 5
}

// ANCHOR_END: receivers

// ANCHOR: range
func ExampleGauge_rangeCopies() {
	gauges := []Gauge{{value: 1}, {value: 2}}

	for _, g := range gauges {
		g.Add(10) // g is a copy of the element: the slice does not change
	}
	fmt.Println(gauges[0].Value(), gauges[1].Value())

	for i := range gauges {
		gauges[i].Add(10) // the element itself
	}
	fmt.Println(gauges[0].Value(), gauges[1].Value())
	// Output:
	// 1 2
	// 11 12
}

// ANCHOR_END: range
