// Package kvlog is a tiny key-value store kept in one append-only file:
// every Set and Delete adds a line to the file, and Open replays the file
// to rebuild the data. So the data survives a restart of the program.
package kvlog

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
)

// ErrClosed is returned by Set and Delete after Close.
var ErrClosed = errors.New("kvlog: store is closed")

// Store is a key-value store backed by a file. It is not safe for use by
// several goroutines at once.
type Store struct {
	f    *os.File
	data map[string]string
}

// Open opens the store kept in the file at path, creating the file if it
// does not exist yet, and loads everything stored in it before.
func Open(path string) (*Store, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("kvlog: %w", err)
	}
	data := make(map[string]string)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 3 && fields[0] == "set":
			data[fields[1]] = fields[2]
		case len(fields) == 2 && fields[0] == "set":
			data[fields[1]] = ""
		case len(fields) >= 2 && fields[0] == "del":
			delete(data, fields[1])
		}
	}
	if err := sc.Err(); err != nil {
		f.Close()
		return nil, fmt.Errorf("kvlog: reading %s: %w", path, err)
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
	if err := s.append("set " + key + " " + value); err != nil {
		return err
	}
	s.data[key] = value
	return nil
}

// Delete removes key from the store. Deleting a key that is not there is
// not an error.
func (s *Store) Delete(key string) error {
	if err := s.append("del " + key); err != nil {
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

// append writes one line at the end of the file.
func (s *Store) append(line string) error {
	if s.f == nil {
		return ErrClosed
	}
	if _, err := fmt.Fprintln(s.f, line); err != nil {
		return fmt.Errorf("kvlog: %w", err)
	}
	return nil
}
