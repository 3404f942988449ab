// Wrong: reopens the store, but every value is a single word, so a store
// that cuts values at the first space passes.
package kvlog

import (
	"path/filepath"
	"testing"
)

func openStore(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func reopen(t *testing.T, s *Store, path string) *Store {
	t.Helper()
	s.Close()
	return openStore(t, path)
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "store.log")
	s := openStore(t, path)
	for _, kv := range [][2]string{{"a", "1"}, {"a", "2"}, {"b", "go"}, {"c", "gone"}} {
		if err := s.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("Set: %v", err)
		}
	}
	if err := s.Delete("c"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	s = reopen(t, s, path)
	for k, want := range map[string]string{"a": "2", "b": "go"} {
		if got, ok := s.Get(k); !ok || got != want {
			t.Errorf("after reopen: Get(%q) = %q, %t; want %q, true", k, got, ok, want)
		}
	}
	if _, ok := s.Get("c"); ok || s.Len() != 2 {
		t.Errorf("after reopen: deleted key found, or Len() = %d, want 2", s.Len())
	}
}
