// Capstone, stage 4: the service's own tests. The service is finished;
// write the tests that would catch it breaking. Test the promises of the
// doc comments of Input.Validate, Patch.Validate and the Store's methods:
// your tests must pass on this code, and fail on hidden broken versions.
package bookmarks

import (
	"path/filepath"
	"testing"
)

// newStore opens a Store on a fresh database file, closed when the test
// ends.
func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestCreateThenGet(t *testing.T) {
	s := newStore(t)
	created, err := s.Create(t.Context(), Input{URL: "https://go.dev", Title: "Go", Notes: "home"})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	got, err := s.Get(t.Context(), created.ID)
	if err != nil || got.Title != "Go" || got.URL != "https://go.dev" || got.Notes != "home" {
		t.Errorf("Get(%d) = %+v, %v; want the bookmark just created", created.ID, got, err)
	}
}

// TODO: a table test of Input.Validate (a valid input, then each rule
// broken), and tests of List (the order, the search), Update (what a
// patch changes, and what it keeps) and Delete (and what an id that does
// not exist gives).
