// Alternative: Input.Validate checks a Patch with every field set; the rules live in Patch.Validate.

// Capstone, stage 1: the bookmarks API. Write Validate (below), the Store's
// Get, List, Update and Delete (store.go) with ? placeholders, and
// writeStoreError (api.go), which turns a store error into a response
// that leaks nothing.
package bookmarks

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Bookmark is a saved link.
type Bookmark struct {
	ID        int64     `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Notes     string    `json:"notes"`
	CreatedAt time.Time `json:"created_at"`
}

// Input is what a client sends to create a bookmark.
type Input struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Notes string `json:"notes"`
}

// Patch is a partial update: a nil field was not sent and stays as it is.
type Patch struct {
	URL   *string `json:"url"`
	Title *string `json:"title"`
	Notes *string `json:"notes"`
}

// FieldErrors maps the JSON name of a field to what is wrong with it.
type FieldErrors map[string]string

// Limits of the fields, in characters.
const (
	MaxURLLen   = 2048
	MaxTitleLen = 200
	MaxNotesLen = 1000
)

// Validate reports every problem with in at once; an empty result means
// valid. The rules:
//
//   - url: required; an absolute http or https URL with a host; at most
//     MaxURLLen characters.
//   - title: required and not only spaces; at most MaxTitleLen characters.
//   - notes: optional; at most MaxNotesLen characters.
func (in Input) Validate() FieldErrors {
	return Patch{URL: &in.URL, Title: &in.Title, Notes: &in.Notes}.Validate()
}

// Validate checks the fields that were sent, with the rules of
// Input.Validate.
func (p Patch) Validate() FieldErrors {
	errs := FieldErrors{}
	if p.URL != nil {
		u, err := url.Parse(*p.URL)
		switch {
		case *p.URL == "":
			errs["url"] = "is required"
		case utf8.RuneCountInString(*p.URL) > MaxURLLen:
			errs["url"] = "is too long"
		case err != nil, u.Scheme != "http" && u.Scheme != "https", u.Host == "":
			errs["url"] = "must be an absolute http or https URL"
		}
	}
	if p.Title != nil {
		switch {
		case strings.TrimSpace(*p.Title) == "":
			errs["title"] = "is required"
		case utf8.RuneCountInString(*p.Title) > MaxTitleLen:
			errs["title"] = "is too long"
		}
	}
	if p.Notes != nil && utf8.RuneCountInString(*p.Notes) > MaxNotesLen {
		errs["notes"] = "is too long"
	}
	return errs
}
