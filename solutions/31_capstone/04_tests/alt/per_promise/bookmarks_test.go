// Alternative: one test function per promise, with a small create helper and no tables.

// Capstone, stage 4: the service's own tests. The service is finished;
// write the tests that would catch it breaking. Test the promises of the
// doc comments of Input.Validate, Patch.Validate and the Store's methods:
// your tests must pass on this code, and fail on hidden broken versions.
package bookmarks

import (
	"errors"
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

// create stores in, failing the test if that fails.
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
	created, err := s.Create(t.Context(), Input{URL: "https://go.dev", Title: "Go", Notes: "home"})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	got, err := s.Get(t.Context(), created.ID)
	if err != nil || got.Title != "Go" || got.URL != "https://go.dev" || got.Notes != "home" {
		t.Errorf("Get(%d) = %+v, %v; want the bookmark just created", created.ID, got, err)
	}
}

func TestValidateAcceptsAValidInput(t *testing.T) {
	in := Input{URL: "https://go.dev/doc", Title: "Go docs"}
	if errs := in.Validate(); len(errs) != 0 {
		t.Errorf("%+v.Validate() = %v, want no problems", in, errs)
	}
}

func TestValidateRejectsAnEmptyTitle(t *testing.T) {
	in := Input{URL: "https://go.dev", Title: ""}
	if _, ok := in.Validate()["title"]; !ok {
		t.Errorf("%+v.Validate() = %v, want a problem with title", in, in.Validate())
	}
}

func TestValidateRejectsABlankTitle(t *testing.T) {
	in := Input{URL: "https://go.dev", Title: "   "}
	if _, ok := in.Validate()["title"]; !ok {
		t.Errorf("%+v.Validate() = %v, want a problem with title", in, in.Validate())
	}
}

func TestValidateRejectsALongTitle(t *testing.T) {
	in := Input{URL: "https://go.dev", Title: strings.Repeat("é", MaxTitleLen+1)}
	if _, ok := in.Validate()["title"]; !ok {
		t.Errorf("Validate() of a title of %d characters = %v, want a problem with title", MaxTitleLen+1, in.Validate())
	}
}

func TestValidateRejectsBadURLs(t *testing.T) {
	for _, u := range []string{"", "go.dev", "javascript:alert(1)", "ftp://go.dev", "https://"} {
		in := Input{URL: u, Title: "Go"}
		if _, ok := in.Validate()["url"]; !ok {
			t.Errorf("Validate() with URL %q = %v, want a problem with url", u, in.Validate())
		}
	}
}

func TestPatchValidateChecksOnlyWhatWasSent(t *testing.T) {
	title := "New"
	if errs := (Patch{Title: &title}).Validate(); len(errs) != 0 {
		t.Errorf("Patch{Title: %q}.Validate() = %v, want no problems", title, errs)
	}
	blank := " "
	if _, ok := (Patch{Title: &blank}).Validate()["title"]; !ok {
		t.Errorf("Patch{Title: %q}.Validate() has no problem with title", blank)
	}
}

func TestListIsNewestFirst(t *testing.T) {
	s := newStore(t)
	for _, title := range []string{"first", "second", "third"} {
		create(t, s, Input{URL: "https://go.dev", Title: title})
	}
	list, err := s.List(t.Context(), "")
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	var titles []string
	for _, b := range list {
		titles = append(titles, b.Title)
	}
	if want := []string{"third", "second", "first"}; !slices.Equal(titles, want) {
		t.Errorf("List(\"\") titles = %q, want %q", titles, want)
	}
}

func TestListSearchesTitles(t *testing.T) {
	s := newStore(t)
	create(t, s, Input{URL: "https://go.dev", Title: "Go docs"})
	create(t, s, Input{URL: "https://sqlite.org", Title: "SQLite"})
	list, err := s.List(t.Context(), "GO")
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(list) != 1 || list[0].Title != "Go docs" {
		t.Errorf("List(\"GO\") = %+v, want only \"Go docs\"", list)
	}
}

func TestListOfNothingIsEmptyNotNil(t *testing.T) {
	list, err := newStore(t).List(t.Context(), "")
	if err != nil || list == nil {
		t.Errorf("List on an empty store = %#v, %v; want an empty slice", list, err)
	}
}

func TestUpdateKeepsWhatThePatchDoesNotSet(t *testing.T) {
	s := newStore(t)
	b := create(t, s, Input{URL: "https://go.dev", Title: "Old", Notes: "keep me"})
	title := "New"
	got, err := s.Update(t.Context(), b.ID, Patch{Title: &title})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	want := b
	want.Title = "New"
	if got != want {
		t.Errorf("Update(title only) = %+v, want %+v", got, want)
	}
	stored, err := s.Get(t.Context(), b.ID)
	if err != nil || stored != want {
		t.Errorf("Get after Update = %+v, %v; want %+v", stored, err, want)
	}
}

func TestUpdateOfAMissingIDIsNotFound(t *testing.T) {
	title := "New"
	if _, err := newStore(t).Update(t.Context(), 42, Patch{Title: &title}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Update(42) on an empty store: err = %v, want ErrNotFound", err)
	}
}

func TestDeleteRemoves(t *testing.T) {
	s := newStore(t)
	b := create(t, s, Input{URL: "https://go.dev", Title: "Go"})
	if err := s.Delete(t.Context(), b.ID); err != nil {
		t.Fatalf("Delete(%d): %v", b.ID, err)
	}
	if _, err := s.Get(t.Context(), b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(%d) after Delete: err = %v, want ErrNotFound", b.ID, err)
	}
	if err := s.Delete(t.Context(), b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete(%d): err = %v, want ErrNotFound", b.ID, err)
	}
}

func TestDeleteOfAMissingIDIsNotFound(t *testing.T) {
	if err := newStore(t).Delete(t.Context(), 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(999) on an empty store: err = %v, want ErrNotFound", err)
	}
}
