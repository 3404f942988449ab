// Package notes holds the notes and their storage: the domain of the
// service, with no HTTP in it.
package notes

import (
	"slices"
	"sync"
)

// Note is one note.
type Note struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
}

// Store keeps notes in memory; it is safe for concurrent use.
type Store struct {
	mu    sync.Mutex
	notes []Note
}

// NewStore returns an empty Store.
func NewStore() *Store { return &Store{} }

// Add stores a new note and returns it.
func (s *Store) Add(text string) Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := Note{ID: len(s.notes) + 1, Text: text}
	s.notes = append(s.notes, n)
	return n
}

// List returns every note.
func (s *Store) List() []Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.notes)
}

// Get returns the note with this id.
func (s *Store) Get(id int) (Note, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > len(s.notes) {
		return Note{}, false
	}
	return s.notes[id-1], true
}
