package pagination

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// Item is one row of the list. Items are listed newest first: by Created,
// then by ID, both descending. Several items may share a Created time; no
// two share an ID.
type Item struct {
	ID      int64     `json:"id"`
	Created time.Time `json:"created"`
	Name    string    `json:"name"`
}

// Store holds the items. It is safe for concurrent use.
type Store struct {
	mu    sync.Mutex
	items []Item
}

// Add inserts an item.
func (s *Store) Add(it Item) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, it)
}

// Newest returns a copy of every item, newest first.
func (s *Store) Newest() []Item {
	s.mu.Lock()
	items := slices.Clone(s.items)
	s.mu.Unlock()
	slices.SortFunc(items, func(a, b Item) int {
		if c := b.Created.Compare(a.Created); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return items
}
