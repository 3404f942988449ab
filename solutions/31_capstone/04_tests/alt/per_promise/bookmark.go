// Bookmarks, and the rules a valid one follows.
package bookmarks

import (
	"fmt"
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
	errs.add("url", checkURL(in.URL))
	errs.add("title", checkTitle(in.Title))
	errs.add("notes", checkNotes(in.Notes))
	return errs
}

// Validate checks the fields that were sent, with the rules of
// Input.Validate.
func (p Patch) Validate() FieldErrors {
	errs := FieldErrors{}
	if p.URL != nil {
		errs.add("url", checkURL(*p.URL))
	}
	if p.Title != nil {
		errs.add("title", checkTitle(*p.Title))
	}
	if p.Notes != nil {
		errs.add("notes", checkNotes(*p.Notes))
	}
	return errs
}

// add records problem for field, unless there is none.
func (e FieldErrors) add(field, problem string) {
	if problem != "" {
		e[field] = problem
	}
}

func checkURL(s string) string {
	if s == "" {
		return "is required"
	}
	if utf8.RuneCountInString(s) > MaxURLLen {
		return fmt.Sprintf("must be at most %d characters", MaxURLLen)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "must be an absolute http or https URL"
	}
	return ""
}

func checkTitle(s string) string {
	if strings.TrimSpace(s) == "" {
		return "is required"
	}
	if utf8.RuneCountInString(s) > MaxTitleLen {
		return fmt.Sprintf("must be at most %d characters", MaxTitleLen)
	}
	return ""
}

func checkNotes(s string) string {
	if utf8.RuneCountInString(s) > MaxNotesLen {
		return fmt.Sprintf("must be at most %d characters", MaxNotesLen)
	}
	return ""
}
