// Wrong: tests Validate thoroughly but the Store hardly at all: the bugs in
// List, Update and Delete get through.
// Capstone, stage 4: the service's own tests. The service is finished;
// write the tests that would catch it breaking. Test the promises of the
// doc comments of Input.Validate, Patch.Validate and the Store's methods:
// your tests must pass on this code, and fail on hidden broken versions.
package bookmarks

import (
	"errors"
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
	if _, err := s.Get(t.Context(), 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(42) on an empty store: error %v, want ErrNotFound", err)
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
