// Wrong: embeds *Store, so the zero CountingStore holds a nil *Store and
// its first Set panics.
// Exercise: embedding.
//
// CountingStore must have every method of Store without writing them again,
// plus its own Get that counts hits and misses. Embed Store in it, and
// override Get.
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
	*Store
	Hits   int
	Misses int
}

// Get returns the value stored under key, and whether there is one, and
// counts the call as a hit or a miss. It overrides Store.Get.
func (c *CountingStore) Get(key string) (string, bool) {
	v, ok := c.Store.Get(key)
	if ok {
		c.Hits++
	} else {
		c.Misses++
	}
	return v, ok
}
