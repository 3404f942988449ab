package perf

import (
	"fmt"
	"testing"
)

type order struct {
	ID       string
	Customer string
}

// ANCHOR: prealloc
func customers(orders []order) ([]string, map[string][]string) {
	names := make([]string, 0, len(orders))              // room for all, length 0
	byCustomer := make(map[string][]string, len(orders)) // at most that many keys
	for _, o := range orders {
		names = append(names, o.Customer)
		byCustomer[o.Customer] = append(byCustomer[o.Customer], o.ID)
	}
	return names, byCustomer
}

func Example_lengthVersusCapacity() {
	wrong := make([]int, 3) // length 3: three zeros already
	wrong = append(wrong, 7, 8, 9)
	right := make([]int, 0, 3) // length 0, capacity 3
	right = append(right, 7, 8, 9)
	fmt.Println(wrong, len(wrong), cap(wrong) >= 6)
	fmt.Println(right, len(right), cap(right))

	// Output:
	// [0 0 0 7 8 9] 6 true
	// [7 8 9] 3 3
}

// ANCHOR_END: prealloc

func TestCustomers(t *testing.T) {
	names, by := customers([]order{{"o1", "ada"}, {"o2", "bob"}, {"o3", "ada"}})
	if fmt.Sprint(names) != "[ada bob ada]" || fmt.Sprint(by) != "map[ada:[o1 o3] bob:[o2]]" {
		t.Errorf("customers = %v, %v", names, by)
	}
}
