// Alt: the Store uses a sync.RWMutex and slices.Sorted(maps.Keys(...)); PATCH decodes into a map of json.RawMessage and refuses unknown keys itself.
// A small in-memory CRUD API for tasks, served on ADDR:
//
//	POST   /tasks       {"title":"..."}  → 201 + Location + the task
//	GET    /tasks                        → 200, every task sorted by id ([] when none)
//	GET    /tasks/{id}                   → 200 or 404
//	PATCH  /tasks/{id}  {"title"?, "done"?} → 200 + the task, or 404
//	DELETE /tasks/{id}                   → 204 or 404
//
// Malformed JSON or unknown fields → 400; an empty or too long title → 422.
// Requests run concurrently: the Store must be safe for that.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"maps"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Task is one item of the to-do list.
type Task struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	Done  bool   `json:"done"`
}

// Store keeps the tasks in memory. It is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	tasks  map[int]Task
	nextID int
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{tasks: map[int]Task{}, nextID: 1}
}

// Create adds a task and returns it with its new id. Ids are never reused.
func (s *Store) Create(title string) Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := Task{ID: s.nextID, Title: title}
	s.nextID++
	s.tasks[t.ID] = t
	return t
}

// Get returns the task with this id.
func (s *Store) Get(id int) (Task, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, ok := s.tasks[id]
	return t, ok
}

// List returns every task, sorted by id; never nil.
func (s *Store) List() []Task {
	s.mu.RLock()
	defer s.mu.RUnlock()
	list := []Task{}
	for _, id := range slices.Sorted(maps.Keys(s.tasks)) {
		list = append(list, s.tasks[id])
	}
	return list
}

// Update applies change to the task with this id, under the lock, and
// returns the result.
func (s *Store) Update(id int, change func(*Task)) (Task, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tasks[id]
	if !ok {
		return Task{}, false
	}
	change(&t)
	s.tasks[id] = t
	return t, true
}

// Delete removes the task with this id, and reports whether it existed.
func (s *Store) Delete(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.tasks[id]
	delete(s.tasks, id)
	return ok
}

// NewAPI returns the HTTP API of store.
func NewAPI(store *Store) http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("POST /tasks", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Title string `json:"title"`
		}
		if err := decodeJSON(w, r, &in); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		title, problem := checkTitle(in.Title)
		if problem != "" {
			writeError(w, http.StatusUnprocessableEntity, problem)
			return
		}
		t := store.Create(title)
		w.Header().Set("Location", fmt.Sprintf("/tasks/%d", t.ID))
		writeJSON(w, http.StatusCreated, t)
	})

	mux.HandleFunc("GET /tasks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, store.List())
	})

	mux.HandleFunc("GET /tasks/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, ok := taskID(r)
		if !ok {
			writeError(w, http.StatusNotFound, "task not found")
			return
		}
		t, ok := store.Get(id)
		if !ok {
			writeError(w, http.StatusNotFound, "task not found")
			return
		}
		writeJSON(w, http.StatusOK, t)
	})

	mux.HandleFunc("PATCH /tasks/{id}", func(w http.ResponseWriter, r *http.Request) {
		var fields map[string]json.RawMessage
		if err := decodeJSON(w, r, &fields); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		var title *string
		var done *bool
		for key, raw := range fields {
			var err error
			switch {
			case key != "title" && key != "done":
				err = fmt.Errorf("unknown field %q", key)
			case string(raw) == "null": // the same as not sent
			case key == "title":
				title = new(string)
				err = json.Unmarshal(raw, title)
			default:
				done = new(bool)
				err = json.Unmarshal(raw, done)
			}
			if err != nil {
				writeError(w, http.StatusBadRequest, "invalid JSON body: "+err.Error())
				return
			}
		}
		if title != nil {
			t, problem := checkTitle(*title)
			if problem != "" {
				writeError(w, http.StatusUnprocessableEntity, problem)
				return
			}
			title = &t
		}
		id, ok := taskID(r)
		if !ok {
			writeError(w, http.StatusNotFound, "task not found")
			return
		}
		t, ok := store.Update(id, func(t *Task) {
			if title != nil {
				t.Title = *title
			}
			if done != nil {
				t.Done = *done
			}
		})
		if !ok {
			writeError(w, http.StatusNotFound, "task not found")
			return
		}
		writeJSON(w, http.StatusOK, t)
	})

	mux.HandleFunc("DELETE /tasks/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, ok := taskID(r)
		if !ok || !store.Delete(id) {
			writeError(w, http.StatusNotFound, "task not found")
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})

	return mux
}

// taskID reads the {id} wildcard; an id that is not a number names no task.
func taskID(r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	return id, err == nil
}

// checkTitle trims a title and says what is wrong with it, if anything.
func checkTitle(title string) (string, string) {
	title = strings.TrimSpace(title)
	switch {
	case title == "":
		return "", "title is required"
	case utf8.RuneCountInString(title) > 200:
		return "", "title must be at most 200 characters"
	}
	return title, ""
}

// decodeJSON reads exactly one JSON object of at most 64 KiB into dst,
// refusing unknown fields.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return fmt.Errorf("invalid JSON body: %w", err)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return errors.New("invalid JSON body: more than one value")
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("writing a response: %v", err)
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, NewAPI(NewStore())))
}
