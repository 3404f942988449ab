// Wrong: tests only what works when nothing goes wrong: create, get, and how
// many bookmarks List returns. Every bug gets through.
// Capstone, stage 4: the service's own tests. The service is finished;
// write the tests that would catch it breaking. Test the promises of the
// doc comments of Input.Validate, Patch.Validate and the Store's methods:
// your tests must pass on this code, and fail on hidden broken versions.
package bookmarks

import (
	"fmt"
	"path/filepath"
	"strings"
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

// create saves a bookmark or stops the test.
func create(t *testing.T, s *Store, in Input) Bookmark {
	t.Helper()
	b, err := s.Create(t.Context(), in)
	if err != nil {
		t.Fatalf("Create(%+v): %v", in, err)
	}
	return b
}

func TestCreateThenGet(t *testing.T) {
	s := newStore(t)
	created := create(t, s, Input{URL: "https://go.dev", Title: "Go", Notes: "home"})
	got, err := s.Get(t.Context(), created.ID)
	if err != nil || got.Title != "Go" || got.URL != "https://go.dev" || got.Notes != "home" {
		t.Errorf("Get(%d) = %+v, %v; want the bookmark just created", created.ID, got, err)
	}
}

func titles(list []Bookmark) string {
	var out []string
	for _, b := range list {
		out = append(out, b.Title)
	}
	return strings.Join(out, ", ")
}

func TestList(t *testing.T) {
	s := newStore(t)
	for _, title := range []string{"Go by Example", "SQLite", "The Go Blog"} {
		create(t, s, Input{URL: "https://example.com", Title: title})
	}
	tests := []struct{ query, want string }{
		{"", "The Go Blog, SQLite, Go by Example"},
		{"go", "The Go Blog, Go by Example"},
		{"LITE", "SQLite"},
		{"rust", ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("q=%q", tt.query), func(t *testing.T) {
			list, err := s.List(t.Context(), tt.query)
			if err != nil {
				t.Fatalf("List(%q): %v", tt.query, err)
			}
			if list == nil {
				t.Errorf("List(%q) = nil, want an empty slice", tt.query)
			}
			if got := len(list); got != len(strings.Split(tt.want, ", ")) && tt.want != "" {
				t.Errorf("List(%q) has %d bookmarks, want [%s]", tt.query, got, tt.want)
			}
		})
	}
}
