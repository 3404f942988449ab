package security

import (
	"fmt"
	"sync"
)

type Invoice struct {
	ID, Owner string
	Cents     int
}

type Invoices struct {
	mu   sync.Mutex
	byID map[string]Invoice
}

// ANCHOR: owned
// Owned returns invoice id if it belongs to user. A missing invoice and
// someone else's look the same to the caller: both are "not found".
func (s *Invoices) Owned(user, id string) (Invoice, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	inv, ok := s.byID[id]
	if !ok || inv.Owner != user {
		return Invoice{}, false
	}
	return inv, true
}

// ANCHOR_END: owned

func Example_owned() {
	s := &Invoices{byID: map[string]Invoice{"in_1": {"in_1", "alice", 4200}}}
	_, ok := s.Owned("alice", "in_1")
	fmt.Println(ok)
	_, ok = s.Owned("bob", "in_1")
	fmt.Println(ok)
	_, ok = s.Owned("bob", "in_2")
	fmt.Println(ok)
	// Output:
	// true
	// false
	// false
}
