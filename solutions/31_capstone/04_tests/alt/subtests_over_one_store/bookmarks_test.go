// Alternative: a map-driven Validate table checked field by field, and one store test with a subtest per method.

// Capstone, stage 4: the service's own tests. The service is finished;
// write the tests that would catch it breaking. Test the promises of the
// doc comments of Input.Validate, Patch.Validate and the Store's methods:
// your tests must pass on this code, and fail on hidden broken versions.
package bookmarks

import (
	"errors"
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

func TestValidate(t *testing.T) {
	valid := Input{URL: "https://go.dev", Title: "Go", Notes: "notes"}
	tests := map[string]struct {
		change func(in *Input)
		bad    []string // the fields with a problem
	}{
		"valid":          {change: func(*Input) {}},
		"no notes":       {change: func(in *Input) { in.Notes = "" }},
		"empty title":    {change: func(in *Input) { in.Title = "" }, bad: []string{"title"}},
		"blank title":    {change: func(in *Input) { in.Title = " \t " }, bad: []string{"title"}},
		"long title":     {change: func(in *Input) { in.Title = strings.Repeat("a", MaxTitleLen+1) }, bad: []string{"title"}},
		"title of runes": {change: func(in *Input) { in.Title = strings.Repeat("ü", MaxTitleLen) }},
		"empty url":      {change: func(in *Input) { in.URL = "" }, bad: []string{"url"}},
		"relative url":   {change: func(in *Input) { in.URL = "/docs" }, bad: []string{"url"}},
		"javascript url": {change: func(in *Input) { in.URL = "javascript:alert(1)" }, bad: []string{"url"}},
		"long notes":     {change: func(in *Input) { in.Notes = strings.Repeat("n", MaxNotesLen+1) }, bad: []string{"notes"}},
		"all wrong": {
			change: func(in *Input) { *in = Input{Notes: strings.Repeat("n", MaxNotesLen+1)} },
			bad:    []string{"url", "title", "notes"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			in := valid
			tt.change(&in)
			got := in.Validate()
			for _, field := range tt.bad {
				if _, ok := got[field]; !ok {
					t.Errorf("%+v.Validate() = %v: no problem with %s", in, got, field)
				}
			}
			if len(got) != len(tt.bad) {
				t.Errorf("%+v.Validate() = %v, want problems with exactly %v", in, got, tt.bad)
			}
		})
	}
}

func TestPatchValidate(t *testing.T) {
	empty := ""
	if got := (Patch{Notes: &empty}).Validate(); len(got) != 0 {
		t.Errorf("Patch{Notes: \"\"}.Validate() = %v, want no problems (url and title were not sent)", got)
	}
	if got := (Patch{Title: &empty}).Validate(); got["title"] == "" {
		t.Errorf("Patch{Title: \"\"}.Validate() = %v, want a problem with title", got)
	}
}

func TestStore(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	var ids []int64
	for _, in := range []Input{
		{URL: "https://a.example", Title: "Alpha", Notes: "a"},
		{URL: "https://b.example", Title: "Beta", Notes: "b"},
		{URL: "https://c.example", Title: "alphabet", Notes: "c"},
	} {
		b, err := s.Create(ctx, in)
		if err != nil {
			t.Fatalf("Create(%+v): %v", in, err)
		}
		ids = append(ids, b.ID)
	}

	t.Run("List", func(t *testing.T) {
		for _, tt := range []struct {
			query string
			want  string // titles, joined by commas
		}{
			{"", "alphabet,Beta,Alpha"},
			{"ALPHA", "alphabet,Alpha"},
			{"zzz", ""},
		} {
			list, err := s.List(ctx, tt.query)
			if err != nil {
				t.Fatalf("List(%q): %v", tt.query, err)
			}
			var titles []string
			for _, b := range list {
				titles = append(titles, b.Title)
			}
			if got := strings.Join(titles, ","); got != tt.want {
				t.Errorf("List(%q) titles = %q, want %q", tt.query, got, tt.want)
			}
		}
	})

	t.Run("Update", func(t *testing.T) {
		url := "https://beta.example"
		got, err := s.Update(ctx, ids[1], Patch{URL: &url})
		if err != nil {
			t.Fatalf("Update: %v", err)
		}
		if got.URL != url || got.Title != "Beta" || got.Notes != "b" {
			t.Errorf("Update(%d, url only) = %+v, want the new url and title Beta, notes b", ids[1], got)
		}
		again, err := s.Get(ctx, ids[1])
		if err != nil || again != got {
			t.Errorf("Get(%d) after Update = %+v, %v; want %+v", ids[1], again, err, got)
		}
		if _, err := s.Update(ctx, 12345, Patch{URL: &url}); !errors.Is(err, ErrNotFound) {
			t.Errorf("Update(12345) err = %v, want ErrNotFound", err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		if err := s.Delete(ctx, ids[0]); err != nil {
			t.Fatalf("Delete(%d): %v", ids[0], err)
		}
		for _, id := range []int64{ids[0], 12345} {
			if err := s.Delete(ctx, id); !errors.Is(err, ErrNotFound) {
				t.Errorf("Delete(%d) of no bookmark: err = %v, want ErrNotFound", id, err)
			}
		}
	})
}
