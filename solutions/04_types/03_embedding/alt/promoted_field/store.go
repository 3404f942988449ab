// Alternative: the overriding Get reads the embedded Store's map through
// its promoted field (c.data) and counts in a deferred function.
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
	Hits   int
	Misses int
	Store
}

// Get returns the value stored under key and whether there is one,
// counting a hit or a miss.
func (c *CountingStore) Get(key string) (v string, ok bool) {
	defer func() {
		if ok {
			c.Hits++
		} else {
			c.Misses++
		}
	}()
	v, ok = c.data[key]
	return
}
