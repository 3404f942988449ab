// Alternative: the overriding Get uses named results and a switch on
// whether the key was found.
package kv

// Store is an in-memory key-value store. Its zero value is an empty store,
// ready to use.
type Store struct {
	data map[string]string
}

// Set stores value under key.
func (s *Store) Set(key, value string) {
	if s.data == nil {
		s.data = make(map[string]string)
	}
	s.data[key] = value
}

// Get returns the value stored under key, and whether there is one.
func (s *Store) Get(key string) (string, bool) {
	v, ok := s.data[key]
	return v, ok
}

// Delete removes key and its value, if there is one.
func (s *Store) Delete(key string) {
	delete(s.data, key)
}

// Len returns the number of keys in the store.
func (s *Store) Len() int {
	return len(s.data)
}

// CountingStore is a Store that counts its Get calls: Hits for keys that
// were found, Misses for keys that were not. Its zero value is ready to use.
type CountingStore struct {
	Store
	Hits   int
	Misses int
}

// Get looks key up in the embedded Store and counts a hit or a miss.
func (c *CountingStore) Get(key string) (value string, found bool) {
	value, found = c.Store.Get(key)
	switch {
	case found:
		c.Hits++
	default:
		c.Misses++
	}
	return value, found
}
