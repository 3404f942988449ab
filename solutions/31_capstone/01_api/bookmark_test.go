package bookmarks

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// testKeys returns the field names of errs, sorted.
func testKeys(errs FieldErrors) []string {
	return slices.Sorted(maps.Keys(errs))
}

func TestValidateInput(t *testing.T) {
	ok := Input{URL: "https://go.dev/doc", Title: "Go docs"}
	with := func(change func(*Input)) Input {
		in := ok
		change(&in)
		return in
	}
	tests := []struct {
		name string
		in   Input
		want []string // fields with a problem
	}{
		{"valid, no notes", ok, nil},
		{"valid with notes", with(func(in *Input) { in.Notes = "read later" }), nil},
		{"http URL", with(func(in *Input) { in.URL = "http://example.com" }), nil},
		{"Unicode URL and title", with(func(in *Input) { in.URL = "https://例え.jp/パス"; in.Title = "名前" }), nil},
		{"title of 200 characters (400 bytes)", with(func(in *Input) { in.Title = strings.Repeat("é", 200) }), nil},
		{"notes of 1000 characters", with(func(in *Input) { in.Notes = strings.Repeat("ü", 1000) }), nil},

		{"missing url", with(func(in *Input) { in.URL = "" }), []string{"url"}},
		{"url without scheme", with(func(in *Input) { in.URL = "go.dev" }), []string{"url"}},
		{"ftp url", with(func(in *Input) { in.URL = "ftp://files.example.com" }), []string{"url"}},
		{"javascript: url", with(func(in *Input) { in.URL = "javascript:alert(1)" }), []string{"url"}},
		{"url without host", with(func(in *Input) { in.URL = "https:///path" }), []string{"url"}},
		{"url of 2049 characters", with(func(in *Input) { in.URL = "https://example.com/" + strings.Repeat("a", 2029) }), []string{"url"}},
		{"empty title", with(func(in *Input) { in.Title = "" }), []string{"title"}},
		{"title of spaces only", with(func(in *Input) { in.Title = " \t  " }), []string{"title"}},
		{"title of 201 characters", with(func(in *Input) { in.Title = strings.Repeat("é", 201) }), []string{"title"}},
		{"notes of 1001 characters", with(func(in *Input) { in.Notes = strings.Repeat("ü", 1001) }), []string{"notes"}},
		{"everything wrong at once", Input{URL: "nope", Title: "", Notes: strings.Repeat("x", 1001)}, []string{"notes", "title", "url"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testKeys(tt.in.Validate())
			if !slices.Equal(got, tt.want) {
				t.Errorf("Input{URL: %.40q, Title: %.40q, Notes: %d characters}.Validate() has problems with %v, want %v",
					tt.in.URL, tt.in.Title, len([]rune(tt.in.Notes)), got, tt.want)
			}
		})
	}
}

func TestValidatePatch(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name string
		p    Patch
		want []string
	}{
		{"nothing sent", Patch{}, nil},
		{"a new title", Patch{Title: str("New title")}, nil},
		{"notes emptied", Patch{Notes: str("")}, nil},
		{"a new url", Patch{URL: str("https://example.org")}, nil},
		{"empty title", Patch{Title: str("")}, []string{"title"}},
		{"title of spaces only", Patch{Title: str("   ")}, []string{"title"}},
		{"ftp url", Patch{URL: str("ftp://example.org")}, []string{"url"}},
		{"empty url", Patch{URL: str("")}, []string{"url"}},
		{"notes too long", Patch{Notes: str(strings.Repeat("n", 1001))}, []string{"notes"}},
		{"everything wrong", Patch{URL: str("x"), Title: str(""), Notes: str(strings.Repeat("n", 1001))}, []string{"notes", "title", "url"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testKeys(tt.p.Validate())
			if !slices.Equal(got, tt.want) {
				t.Errorf("Patch.Validate() for %s has problems with %v, want %v (fields that were not sent are not checked)", tt.name, got, tt.want)
			}
		})
	}
}
