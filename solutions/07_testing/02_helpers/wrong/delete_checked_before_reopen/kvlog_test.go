// Wrong: checks the deleted key before reopening and only the kept keys
// after, so a Delete that is never written to the file passes.
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
	for _, kv := range [][2]string{{"a", "1"}, {"a", "2"}, {"b", "go away"}, {"c", "gone"}} {
		if err := s.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("Set: %v", err)
		}
	}
	if err := s.Delete("c"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, ok := s.Get("c"); ok {
		t.Errorf("Get(%q) after Delete found a value", "c")
	}
	s = reopen(t, s, path)
	for k, want := range map[string]string{"a": "2", "b": "go away"} {
		if got, ok := s.Get(k); !ok || got != want {
			t.Errorf("after reopen: Get(%q) = %q, %t; want %q, true", k, got, ok, want)
		}
	}
}
