package testdemo

import "testing"

// ANCHOR: table
func TestSlug(t *testing.T) {
	tests := []struct {
		name  string // says what the case checks
		title string
		want  string
	}{
		{"simple", "Hello World", "hello-world"},
		{"punctuation dropped", "Hello, World!", "hello-world"},
		{"runs of spaces", "  Go   is  fun ", "go-is-fun"},
		{"digits kept", "Go 1.25 released", "go-1-25-released"},
		{"unicode letters", "Crème Brûlée", "crème-brûlée"},
		{"empty", "", ""},
		{"nothing but punctuation", "?!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Slug(tt.title); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

// ANCHOR_END: table
