// Wrong: compares the error's text with "bookmark not found"; the store wraps
// ErrNotFound with context ("get bookmark 42: bookmark not found"), so the
// test fails on the correct code. errors.Is is the check that works.
// Capstone, stage 4: the service's own tests. The service is finished;
// write the tests that would catch it breaking. Test the promises of the
// doc comments of Input.Validate, Patch.Validate and the Store's methods:
// your tests must pass on this code, and fail on hidden broken versions.
package bookmarks

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
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

func TestGetMissing(t *testing.T) {
	s := newStore(t)
	if _, err := s.Get(t.Context(), 42); err == nil || err.Error() != "bookmark not found" {
		t.Errorf("Get(42) on an empty store: error %v, want \"bookmark not found\"", err)
	}
}

func TestInputValidate(t *testing.T) {
	valid := Input{URL: "https://go.dev", Title: "Go", Notes: "docs"}
	tests := []struct {
		name   string
		change func(*Input)
		want   []string // the fields with a problem
	}{
		{"valid", func(*Input) {}, nil},
		{"no notes", func(in *Input) { in.Notes = "" }, nil},
		{"title of 200 characters", func(in *Input) { in.Title = strings.Repeat("é", 200) }, nil},
		{"no url", func(in *Input) { in.URL = "" }, []string{"url"}},
		{"url without scheme", func(in *Input) { in.URL = "go.dev" }, []string{"url"}},
		{"ftp url", func(in *Input) { in.URL = "ftp://go.dev" }, []string{"url"}},
		{"no title", func(in *Input) { in.Title = "" }, []string{"title"}},
		{"blank title", func(in *Input) { in.Title = "   " }, []string{"title"}},
		{"title too long", func(in *Input) { in.Title = strings.Repeat("é", 201) }, []string{"title"}},
		{"notes too long", func(in *Input) { in.Notes = strings.Repeat("n", 1001) }, []string{"notes"}},
		{"all wrong", func(in *Input) { *in = Input{Notes: strings.Repeat("n", 1001)} }, []string{"notes", "title", "url"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid
			tt.change(&in)
			got := slices.Sorted(maps.Keys(in.Validate()))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Validate() of %+v: problems with %v, want %v", in, got, tt.want)
			}
		})
	}
}

func TestPatchValidate(t *testing.T) {
	empty, title := "", "New title"
	tests := []struct {
		name string
		p    Patch
		want []string
	}{
		{"nothing sent", Patch{}, nil},
		{"title only", Patch{Title: &title}, nil},
		{"notes emptied", Patch{Notes: &empty}, nil},
		{"empty title", Patch{Title: &empty}, []string{"title"}},
		{"empty url", Patch{URL: &empty}, []string{"url"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Sorted(maps.Keys(tt.p.Validate()))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Patch.Validate() (%s): problems with %v, want %v", tt.name, got, tt.want)
			}
		})
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
			if got := titles(list); got != tt.want {
				t.Errorf("List(%q) = [%s], want [%s] (newest first)", tt.query, got, tt.want)
			}
		})
	}
}

func TestUpdate(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name string
		p    Patch
		want Bookmark // ID and CreatedAt are not compared
	}{
		{"title", Patch{Title: str("New")}, Bookmark{URL: "https://old.example", Title: "New", Notes: "old notes"}},
		{"url", Patch{URL: str("https://new.example")}, Bookmark{URL: "https://new.example", Title: "Old", Notes: "old notes"}},
		{"notes", Patch{Notes: str("new notes")}, Bookmark{URL: "https://old.example", Title: "Old", Notes: "new notes"}},
		{"notes emptied", Patch{Notes: str("")}, Bookmark{URL: "https://old.example", Title: "Old", Notes: ""}},
		{"nothing", Patch{}, Bookmark{URL: "https://old.example", Title: "Old", Notes: "old notes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			b := create(t, s, Input{URL: "https://old.example", Title: "Old", Notes: "old notes"})
			if _, err := s.Update(t.Context(), b.ID, tt.p); err != nil {
				t.Fatalf("Update(%d): %v", b.ID, err)
			}
			got, err := s.Get(t.Context(), b.ID)
			if err != nil {
				t.Fatalf("Get(%d) after Update: %v", b.ID, err)
			}
			if got.URL != tt.want.URL || got.Title != tt.want.Title || got.Notes != tt.want.Notes {
				t.Errorf("after Update(%s), the bookmark is %q %q %q; want %q %q %q",
					tt.name, got.URL, got.Title, got.Notes, tt.want.URL, tt.want.Title, tt.want.Notes)
			}
		})
	}
}

func TestUpdateMissing(t *testing.T) {
	s := newStore(t)
	title := "x"
	if _, err := s.Update(t.Context(), 42, Patch{Title: &title}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Update(42) on an empty store: error %v, want ErrNotFound", err)
	}
}

func TestDelete(t *testing.T) {
	s := newStore(t)
	b := create(t, s, Input{URL: "https://go.dev", Title: "Go"})
	if err := s.Delete(t.Context(), b.ID); err != nil {
		t.Fatalf("Delete(%d): %v", b.ID, err)
	}
	if _, err := s.Get(t.Context(), b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(%d) after Delete: error %v, want ErrNotFound", b.ID, err)
	}
	if err := s.Delete(t.Context(), b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(%d) a second time: error %v, want ErrNotFound", b.ID, err)
	}
}

func TestQuotesAreData(t *testing.T) {
	s := newStore(t)
	title := `Robert'); DROP TABLE bookmarks;--`
	b := create(t, s, Input{URL: "https://xkcd.com/327/", Title: title})
	list, err := s.List(t.Context(), "' OR 1=1 OR title LIKE '")
	if err != nil || len(list) != 0 {
		t.Errorf("List with SQL in the query = [%s], %v; want nothing", titles(list), err)
	}
	if got, err := s.Get(t.Context(), b.ID); err != nil || got.Title != title {
		t.Errorf("Get(%d) = %q, %v; want the title %q as it was sent", b.ID, got.Title, err, title)
	}
}
