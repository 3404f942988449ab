// Test that the store keeps its data across a restart: write with one
// Store, Close it, Open the same file again, read. Keep the setup in
// helpers that call t.Helper() and register Close with t.Cleanup. Your
// tests must pass here and fail on hidden broken versions of the store.
package kvlog

import (
	"errors"
	"path/filepath"
	"testing"
)

// openStore opens the store in path, fails the test if it cannot, and
// closes the store when the test ends.
func openStore(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// newStore opens a store in a fresh file of a temporary directory, which
// the testing package removes when the test ends. It returns the path too,
// to reopen the same file.
func newStore(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "store.log")
	return openStore(t, path), path
}

// reopen closes s and opens its file again, as a restarted program would.
func reopen(t *testing.T, s *Store, path string) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return openStore(t, path)
}

// set stores a value and fails the test on an error.
func set(t *testing.T, s *Store, key, value string) {
	t.Helper()
	if err := s.Set(key, value); err != nil {
		t.Fatalf("Set(%q, %q): %v", key, value, err)
	}
}

// wantValue checks that key holds want.
func wantValue(t *testing.T, s *Store, key, want string) {
	t.Helper()
	if got, ok := s.Get(key); !ok || got != want {
		t.Errorf("Get(%q) = %q, %t; want %q, true", key, got, ok, want)
	}
}

// wantMissing checks that key holds nothing.
func wantMissing(t *testing.T, s *Store, key string) {
	t.Helper()
	if got, ok := s.Get(key); ok {
		t.Errorf("Get(%q) = %q, true; want no value", key, got)
	}
}

func TestEmptyStore(t *testing.T) {
	s, _ := newStore(t)
	wantMissing(t, s, "lang")
	if n := s.Len(); n != 0 {
		t.Errorf("Len() = %d, want 0", n)
	}
}

func TestSetGet(t *testing.T) {
	s, _ := newStore(t)
	set(t, s, "lang", "go")
	wantValue(t, s, "lang", "go")
	wantMissing(t, s, "other")
}

func TestSurvivesReopen(t *testing.T) {
	s, path := newStore(t)
	set(t, s, "lang", "go")
	set(t, s, "editor", "vim")
	s = reopen(t, s, path)
	wantValue(t, s, "lang", "go")
	wantValue(t, s, "editor", "vim")
	if n := s.Len(); n != 2 {
		t.Errorf("Len() = %d after reopening, want 2", n)
	}
}

func TestLastValueWinsAfterReopen(t *testing.T) {
	s, path := newStore(t)
	set(t, s, "lang", "python")
	set(t, s, "lang", "go")
	wantValue(t, s, "lang", "go")
	s = reopen(t, s, path)
	wantValue(t, s, "lang", "go")
}

func TestDeleteSurvivesReopen(t *testing.T) {
	s, path := newStore(t)
	set(t, s, "lang", "go")
	set(t, s, "editor", "vim")
	if err := s.Delete("editor"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	wantMissing(t, s, "editor")
	s = reopen(t, s, path)
	wantMissing(t, s, "editor")
	wantValue(t, s, "lang", "go")
}

func TestReopenTwiceKeepsEverything(t *testing.T) {
	s, path := newStore(t)
	set(t, s, "a", "1")
	s = reopen(t, s, path)
	set(t, s, "b", "2")
	s = reopen(t, s, path)
	wantValue(t, s, "a", "1")
	wantValue(t, s, "b", "2")
}

func TestAnyTextSurvivesReopen(t *testing.T) {
	values := map[string]string{
		"space":   "hello world",
		"newline": "line one\nline two",
		"quotes":  `say "hi"`,
		"unicode": "héllo, 世界",
		"empty":   "",
	}
	s, path := newStore(t)
	for k, v := range values {
		set(t, s, k, v)
	}
	s = reopen(t, s, path)
	for k, v := range values {
		wantValue(t, s, k, v)
	}
}

func TestClosedStoreRefusesWrites(t *testing.T) {
	s, _ := newStore(t)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Set("lang", "go"); !errors.Is(err, ErrClosed) {
		t.Errorf("Set after Close = %v, want ErrClosed", err)
	}
}
