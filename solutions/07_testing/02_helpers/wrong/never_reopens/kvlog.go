// Package kvlog is a tiny key-value store kept in one append-only file:
// every Set and Delete adds a line to the file, and Open replays the file
// to rebuild the data. So the data survives a restart of the program.
package kvlog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrClosed is returned by Set and Delete after Close.
var ErrClosed = errors.New("kvlog: store is closed")

// Store is a key-value store backed by a file. It is not safe for use by
// several goroutines at once.
type Store struct {
	f    *os.File
	data map[string]string
}

// record is one line of the file.
type record struct {
	Op    string `json:"op"` // "set" or "del"
	Key   string `json:"key"`
	Value string `json:"value,omitempty"`
}

// Open opens the store kept in the file at path, creating the file if it
// does not exist yet, and loads everything stored in it before.
func Open(path string) (*Store, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("kvlog: %w", err)
	}
	data := make(map[string]string)
	dec := json.NewDecoder(f)
	for {
		var r record
		err := dec.Decode(&r)
		if err == io.EOF {
			break
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("kvlog: reading %s: %w", path, err)
		}
		switch r.Op {
		case "set":
			data[r.Key] = r.Value
		case "del":
			delete(data, r.Key)
		}
	}
	return &Store{f: f, data: data}, nil
}

// Get returns the value stored under key, and whether there is one.
func (s *Store) Get(key string) (string, bool) {
	v, ok := s.data[key]
	return v, ok
}

// Len returns the number of keys in the store.
func (s *Store) Len() int {
	return len(s.data)
}

// Set stores value under key, replacing any earlier value. Keys and values
// may hold any text: spaces, newlines, quotes, Unicode.
func (s *Store) Set(key, value string) error {
	if err := s.append(record{Op: "set", Key: key, Value: value}); err != nil {
		return err
	}
	s.data[key] = value
	return nil
}

// Delete removes key from the store. Deleting a key that is not there is
// not an error.
func (s *Store) Delete(key string) error {
	if err := s.append(record{Op: "del", Key: key}); err != nil {
		return err
	}
	delete(s.data, key)
	return nil
}

// Close closes the file. The data stays readable with Get; Set and Delete
// return ErrClosed. Closing a closed store does nothing.
func (s *Store) Close() error {
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	s.f = nil
	return err
}

// append writes one record as a line at the end of the file.
func (s *Store) append(r record) error {
	if s.f == nil {
		return ErrClosed
	}
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("kvlog: %w", err)
	}
	if _, err := s.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("kvlog: %w", err)
	}
	return nil
}
