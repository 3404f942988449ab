package syncdemo

import (
	"fmt"
	"maps"
	"slices"
	"sync"
)

// ANCHOR: inventory
// Inventory tracks stock per product. Many request goroutines use it.
type Inventory struct {
	mu    sync.Mutex // guards stock; the zero Mutex is unlocked and ready
	stock map[string]int
}

func NewInventory() *Inventory {
	return &Inventory{stock: make(map[string]int)}
}

// Add puts n items of product in stock.
func (inv *Inventory) Add(product string, n int) {
	inv.mu.Lock()
	defer inv.mu.Unlock() // released however the method returns
	inv.stock[product] += n
}

// Reserve takes n items if there are enough, and reports whether it did.
// The check and the update happen under one lock: no other goroutine can
// take the last items in between.
func (inv *Inventory) Reserve(product string, n int) bool {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.stock[product] < n {
		return false
	}
	inv.stock[product] -= n
	return true
}

// Stock returns a copy: handing out inv.stock itself would let callers
// read it after Unlock, while another goroutine writes it.
func (inv *Inventory) Stock() map[string]int {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	return maps.Clone(inv.stock)
}

// ANCHOR_END: inventory

func ExampleInventory() {
	inv := NewInventory()
	inv.Add("mug", 100)

	// 150 buyers want one mug each, all at once.
	var wg sync.WaitGroup
	var mu sync.Mutex
	sold := 0
	for range 150 {
		wg.Go(func() {
			if inv.Reserve("mug", 1) {
				mu.Lock()
				sold++
				mu.Unlock()
			}
		})
	}
	wg.Wait()

	stock := inv.Stock()
	fmt.Println("sold:", sold, "left:", stock["mug"])
	fmt.Println("products:", slices.Sorted(maps.Keys(stock)))
	// Output:
	// sold: 100 left: 0
	// products: [mug]
}
