// One table of scenarios, each run as a subtest that applies its steps, reopens with a reopen helper and compares every key.
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

// reopen closes s and opens the file at path again.
func reopen(t *testing.T, s *Store, path string) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return openStore(t, path)
}

func TestSurvivesReopen(t *testing.T) {
	tests := []struct {
		name  string
		steps func(t *testing.T, s *Store)
		want  map[string]string
	}{
		{"one value", func(t *testing.T, s *Store) {
			mustSet(t, s, "lang", "go")
		}, map[string]string{"lang": "go"}},
		{"last value wins", func(t *testing.T, s *Store) {
			mustSet(t, s, "v", "1")
			mustSet(t, s, "v", "2")
			mustSet(t, s, "v", "3")
		}, map[string]string{"v": "3"}},
		{"deleted key stays deleted", func(t *testing.T, s *Store) {
			mustSet(t, s, "a", "1")
			mustSet(t, s, "b", "2")
			if err := s.Delete("a"); err != nil {
				t.Fatalf("Delete: %v", err)
			}
		}, map[string]string{"b": "2"}},
		{"awkward text", func(t *testing.T, s *Store) {
			mustSet(t, s, "greeting", "hello, wide world")
			mustSet(t, s, "lines", "one\ntwo\n")
			mustSet(t, s, "quote", `say "hi"`)
			mustSet(t, s, "unicode", "héllo, 世界")
		}, map[string]string{"greeting": "hello, wide world", "lines": "one\ntwo\n", "quote": `say "hi"`, "unicode": "héllo, 世界"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "store.log")
			s := openStore(t, path)
			tt.steps(t, s)
			s = reopen(t, s, path)
			s = reopen(t, s, path) // a second reopen must not lose anything either
			if s.Len() != len(tt.want) {
				t.Errorf("after reopening: Len() = %d, want %d", s.Len(), len(tt.want))
			}
			for k, want := range tt.want {
				if got, ok := s.Get(k); !ok || got != want {
					t.Errorf("after reopening: Get(%q) = %q, %t; want %q, true", k, got, ok, want)
				}
			}
		})
	}
}

func mustSet(t *testing.T, s *Store, key, value string) {
	t.Helper()
	if err := s.Set(key, value); err != nil {
		t.Fatalf("Set(%q, %q): %v", key, value, err)
	}
}
