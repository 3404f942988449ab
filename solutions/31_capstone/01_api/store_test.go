package bookmarks

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// testNewStore opens a store on a fresh database file.
func testNewStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "bookmarks.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testMustCreate(t *testing.T, s *Store, url, title, notes string) Bookmark {
	t.Helper()
	b, err := s.Create(t.Context(), Input{URL: url, Title: title, Notes: notes})
	if err != nil {
		t.Fatalf("Create(%q): %v", title, err)
	}
	return b
}

func testMustList(t *testing.T, s *Store, query string) []Bookmark {
	t.Helper()
	list, err := s.List(t.Context(), query)
	if err != nil {
		t.Fatalf("List(%q) returned the error %v", query, err)
	}
	return list
}

func testTitles(list []Bookmark) []string {
	out := make([]string, len(list))
	for i, b := range list {
		out[i] = b.Title
	}
	return out
}

// testSame reports whether a and b are the same bookmark, field by field.
func testSame(a, b Bookmark) bool {
	return a.ID == b.ID && a.URL == b.URL && a.Title == b.Title && a.Notes == b.Notes && a.CreatedAt.Equal(b.CreatedAt)
}

func TestStoreGet(t *testing.T) {
	s := testNewStore(t)
	created := testMustCreate(t, s, "https://go.dev", "Go", "the home page")
	testMustCreate(t, s, "https://sqlite.org", "SQLite", "")

	got, err := s.Get(t.Context(), created.ID)
	if err != nil {
		t.Fatalf("Get(%d) of a bookmark just created returned the error %v", created.ID, err)
	}
	if !testSame(got, created) {
		t.Errorf("Get(%d) = %+v, want what Create returned: %+v (scan every column: id, url, title, notes, created_at)", created.ID, got, created)
	}
}

func TestStoreGetMissing(t *testing.T) {
	s := testNewStore(t)
	b := testMustCreate(t, s, "https://go.dev", "Go", "")
	for _, id := range []int64{b.ID + 1, 999999} {
		_, err := s.Get(t.Context(), id)
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("Get(%d) with no such bookmark returned the error %v, want one that wraps ErrNotFound (sql.ErrNoRows means there was no row)", id, err)
		}
	}
}

func TestStoreListNewestFirst(t *testing.T) {
	s := testNewStore(t)
	if list := testMustList(t, s, ""); list == nil || len(list) != 0 {
		t.Errorf("List(\"\") of an empty store = %#v, want an empty non-nil slice (a nil slice is encoded as null, not [])", list)
	}
	var created []Bookmark
	for i := range 5 {
		created = append(created, testMustCreate(t, s, fmt.Sprintf("https://example.com/%d", i), fmt.Sprintf("bookmark %d", i), ""))
	}
	list := testMustList(t, s, "")
	want := []string{"bookmark 4", "bookmark 3", "bookmark 2", "bookmark 1", "bookmark 0"}
	if got := testTitles(list); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("List(\"\") after creating bookmark 0 to 4 gives titles %q, want %q: newest first (ORDER BY id DESC)", got, want)
	}
	for i, b := range list {
		if c := created[len(created)-1-i]; !testSame(b, c) {
			t.Errorf("List(\"\")[%d] = %+v, want %+v", i, b, c)
		}
	}
}

func TestStoreListSearch(t *testing.T) {
	s := testNewStore(t)
	testMustCreate(t, s, "https://gobyexample.com", "Go by Example", "")
	testMustCreate(t, s, "https://sqlite.org/docs.html", "SQLite docs", "")
	testMustCreate(t, s, "https://go.dev/blog", "The GO blog", "")
	testMustCreate(t, s, "https://www.rust-lang.org", "Rust", "about go") // notes are not searched
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Rust", "The GO blog", "SQLite docs", "Go by Example"}},
		{"go", []string{"The GO blog", "Go by Example"}},
		{"DOCS", []string{"SQLite docs"}},
		{"by ex", []string{"Go by Example"}},
		{"nothing like this", []string{}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("q=%q", tt.query), func(t *testing.T) {
			list := testMustList(t, s, tt.query)
			if list == nil {
				t.Fatalf("List(%q) = nil, want an empty non-nil slice when nothing matches", tt.query)
			}
			if got := testTitles(list); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("List(%q) gives titles %q, want %q (titles containing the query, ignoring case, newest first)", tt.query, got, tt.want)
			}
		})
	}
}

// TestStoreListSearchLiteral searches for text that LIKE would read as
// wildcards: % and _ in the query are characters to find in a title.
func TestStoreListSearchLiteral(t *testing.T) {
	s := testNewStore(t)
	testMustCreate(t, s, "https://gobyexample.com", "Go by Example", "")
	testMustCreate(t, s, "https://go.dev/doc/tutorial/fuzz", "100% coverage", "")
	testMustCreate(t, s, "https://sqlite.org/docs.html", "SQLite docs", "")
	testMustCreate(t, s, "https://go.dev/doc/effective_go", "snake_case names", "")
	testMustCreate(t, s, "https://go.dev/doc/install", `C:\Go\bin`, "")
	titles := []string{"Go by Example", "100% coverage", "SQLite docs", "snake_case names", `C:\Go\bin`}
	tests := []struct {
		query string
		want  []string
	}{
		{"%", []string{"100% coverage"}},
		{"_", []string{"snake_case names"}},
		{"%%", []string{}},
		{"__", []string{}},
		{"go%by", []string{}},
		{"s_l", []string{}},
		{"0% c", []string{"100% coverage"}},
		{"E_C", []string{"snake_case names"}},
		{`\`, []string{`C:\Go\bin`}},
		{`\g`, []string{`C:\Go\bin`}},
		{`\%`, []string{}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("q=%q", tt.query), func(t *testing.T) {
			list := testMustList(t, s, tt.query)
			if list == nil {
				t.Fatalf("List(%q) = nil, want an empty non-nil slice when nothing matches", tt.query)
			}
			if got := testTitles(list); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("List(%q) gives titles %q, want %q: of %q, the titles that contain those characters as written", tt.query, got, tt.want, titles)
			}
		})
	}
}

func TestStoreUpdate(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name  string
		patch Patch
		want  func(Bookmark) Bookmark
	}{
		{"title only", Patch{Title: str("New title")}, func(b Bookmark) Bookmark { b.Title = "New title"; return b }},
		{"url only", Patch{URL: str("https://new.example.com")}, func(b Bookmark) Bookmark { b.URL = "https://new.example.com"; return b }},
		{"notes only", Patch{Notes: str("new notes")}, func(b Bookmark) Bookmark { b.Notes = "new notes"; return b }},
		{"notes emptied", Patch{Notes: str("")}, func(b Bookmark) Bookmark { b.Notes = ""; return b }},
		{"everything", Patch{URL: str("https://all.example.com"), Title: str("All"), Notes: str("all new")}, func(b Bookmark) Bookmark {
			b.URL, b.Title, b.Notes = "https://all.example.com", "All", "all new"
			return b
		}},
		{"nothing", Patch{}, func(b Bookmark) Bookmark { return b }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testNewStore(t)
			other := testMustCreate(t, s, "https://other.example.com", "Other", "other notes")
			b := testMustCreate(t, s, "https://old.example.com", "Old title", "old notes")
			want := tt.want(b)
			got, err := s.Update(t.Context(), b.ID, tt.patch)
			if err != nil {
				t.Fatalf("Update(%d, %s) returned the error %v", b.ID, tt.name, err)
			}
			if !testSame(got, want) {
				t.Errorf("Update(%d, %s) returned %+v, want %+v (fields the patch does not set must keep their value)", b.ID, tt.name, got, want)
			}
			stored, err := s.Get(t.Context(), b.ID)
			if err != nil || !testSame(stored, want) {
				t.Errorf("Get(%d) after Update(%s) = %+v, %v; want %+v", b.ID, tt.name, stored, err, want)
			}
			if o, err := s.Get(t.Context(), other.ID); err != nil || !testSame(o, other) {
				t.Errorf("Update of bookmark %d changed bookmark %d too: it is now %+v (%v), want %+v (WHERE id = ?)", b.ID, other.ID, o, err, other)
			}
		})
	}
}

func TestStoreUpdateMissing(t *testing.T) {
	s := testNewStore(t)
	title := "x"
	_, err := s.Update(t.Context(), 4242, Patch{Title: &title})
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Update(4242) with no such bookmark returned the error %v, want one that wraps ErrNotFound", err)
	}
}

func TestStoreDelete(t *testing.T) {
	s := testNewStore(t)
	keep := testMustCreate(t, s, "https://keep.example.com", "Keep", "")
	gone := testMustCreate(t, s, "https://gone.example.com", "Gone", "")

	if err := s.Delete(t.Context(), gone.ID); err != nil {
		t.Fatalf("Delete(%d) of an existing bookmark returned the error %v", gone.ID, err)
	}
	if _, err := s.Get(t.Context(), gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(%d) after Delete(%d) returned the error %v, want ErrNotFound", gone.ID, gone.ID, err)
	}
	if b, err := s.Get(t.Context(), keep.ID); err != nil || !testSame(b, keep) {
		t.Errorf("Get(%d) of the other bookmark after Delete(%d) = %+v, %v; want it unchanged", keep.ID, gone.ID, b, err)
	}
	if err := s.Delete(t.Context(), gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(%d) a second time returned the error %v, want one that wraps ErrNotFound (RowsAffected tells how many rows went)", gone.ID, err)
	}
	if err := s.Delete(t.Context(), 999999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(999999) of a bookmark that never existed returned the error %v, want one that wraps ErrNotFound", err)
	}
}

func TestStoreSQLInjection(t *testing.T) {
	s := testNewStore(t)
	testMustCreate(t, s, "https://go.dev", "Go", "")
	tricky := testMustCreate(t, s,
		"https://example.com/?q=' OR 1=1 --",
		`Robert'); DROP TABLE bookmarks;--`,
		`She said "hi" and left; it's fine`)

	got, err := s.Get(t.Context(), tricky.ID)
	if err != nil || !testSame(got, tricky) {
		t.Fatalf("Get(%d) of a bookmark whose fields hold quotes = %+v, %v; want %+v", tricky.ID, got, err, tricky)
	}
	for _, q := range []string{
		`zzz' OR 1=1 OR title LIKE '`,
		`zzz') OR 1=1 OR instr(title, '`,
		`zzz' OR '1'='1`,
	} {
		list, err := s.List(t.Context(), q)
		if err != nil || len(list) != 0 {
			t.Errorf("List(%q) = %d bookmarks, error %v; want none and no error: no title contains that text. Pass the query as a ? argument instead of pasting it into the SQL", q, len(list), err)
		}
	}
	if list := testMustList(t, s, "Robert')"); len(list) != 1 || list[0].ID != tricky.ID {
		t.Errorf("List(%q) gives titles %q, want just %q", "Robert')", testTitles(list), tricky.Title)
	}
	notes := `it's "new"`
	if b, err := s.Update(t.Context(), tricky.ID, Patch{Notes: &notes}); err != nil || b.Notes != notes {
		t.Errorf("Update(%d) setting notes to %q = %+v, %v; want the notes stored as sent", tricky.ID, notes, b, err)
	}
	if got := testMustList(t, s, ""); len(got) != 2 {
		t.Errorf("List(\"\") after storing quotes gives %q, want both bookmarks still there", testTitles(got))
	}
}

func TestStoreConcurrentCreates(t *testing.T) {
	s := testNewStore(t)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	ids := make(chan int64, 40)
	for i := range 40 {
		wg.Go(func() {
			b, err := s.Create(context.Background(), Input{URL: "https://example.com", Title: fmt.Sprint("b", i)})
			if err != nil {
				errs <- err
				return
			}
			ids <- b.ID
		})
	}
	wg.Wait()
	close(errs)
	close(ids)
	for err := range errs {
		t.Fatalf("40 concurrent Creates: %v", err)
	}
	seen := map[int64]bool{}
	for id := range ids {
		if seen[id] {
			t.Fatalf("40 concurrent Creates: the id %d was given twice", id)
		}
		seen[id] = true
	}
	if list := testMustList(t, s, ""); len(list) != 40 {
		t.Errorf("after 40 concurrent Creates, List gives %d bookmarks", len(list))
	}
}
