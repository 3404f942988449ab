// Alternative: one helper per field (validURL, validTitle, validNotes), shared by Input and Patch.

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
	errs := FieldErrors{}
	if msg := validURL(in.URL); msg != "" {
		errs["url"] = msg
	}
	if msg := validTitle(in.Title); msg != "" {
		errs["title"] = msg
	}
	if msg := validNotes(in.Notes); msg != "" {
		errs["notes"] = msg
	}
	return errs
}

// Validate checks the fields that were sent, with the rules of
// Input.Validate.
func (p Patch) Validate() FieldErrors {
	errs := FieldErrors{}
	if p.URL != nil {
		if msg := validURL(*p.URL); msg != "" {
			errs["url"] = msg
		}
	}
	if p.Title != nil {
		if msg := validTitle(*p.Title); msg != "" {
			errs["title"] = msg
		}
	}
	if p.Notes != nil {
		if msg := validNotes(*p.Notes); msg != "" {
			errs["notes"] = msg
		}
	}
	return errs
}

// validURL returns what is wrong with s as a bookmark's URL, or "".
func validURL(s string) string {
	if s == "" {
		return "is required"
	}
	if utf8.RuneCountInString(s) > MaxURLLen {
		return "is too long"
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "must be an absolute http or https URL"
	}
	return ""
}

// validTitle returns what is wrong with s as a bookmark's title, or "".
func validTitle(s string) string {
	if strings.TrimSpace(s) == "" {
		return "is required"
	}
	if utf8.RuneCountInString(s) > MaxTitleLen {
		return "is too long"
	}
	return ""
}

// validNotes returns what is wrong with s as a bookmark's notes, or "".
func validNotes(s string) string {
	if utf8.RuneCountInString(s) > MaxNotesLen {
		return "is too long"
	}
	return ""
}
