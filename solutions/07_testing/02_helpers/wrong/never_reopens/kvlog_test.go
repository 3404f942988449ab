// Wrong: tests Set, Get and Delete on one open store and never opens the
// file again, so nothing that happens across a restart is checked.
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

func TestStore(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "store.log"))
	for _, kv := range [][2]string{{"a", "1"}, {"a", "2"}, {"b", "two words"}} {
		if err := s.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("Set: %v", err)
		}
	}
	if err := s.Delete("a"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, ok := s.Get("a"); ok {
		t.Errorf("Get(%q) after Delete found a value", "a")
	}
	if got, ok := s.Get("b"); !ok || got != "two words" {
		t.Errorf("Get(%q) = %q, %t; want %q, true", "b", got, ok, "two words")
	}
}
