// Wrong: answers 400 for an id that is not a number; such an id names no task: 404.
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
	mu     sync.Mutex
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
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tasks[id]
	return t, ok
}

// List returns every task, sorted by id; never nil.
func (s *Store) List() []Task {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := make([]Task, 0, len(s.tasks))
	for _, t := range s.tasks {
		list = append(list, t)
	}
	slices.SortFunc(list, func(a, b Task) int { return a.ID - b.ID })
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
			writeError(w, http.StatusBadRequest, "the id must be a number")
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
		id, ok := taskID(r)
		if !ok {
			writeError(w, http.StatusNotFound, "task not found")
			return
		}
		// Pointers tell "not sent" (nil) from "sent as the zero value".
		var in struct {
			Title *string `json:"title"`
			Done  *bool   `json:"done"`
		}
		if err := decodeJSON(w, r, &in); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		var title string
		if in.Title != nil {
			var problem string
			if title, problem = checkTitle(*in.Title); problem != "" {
				writeError(w, http.StatusUnprocessableEntity, problem)
				return
			}
		}
		t, ok := store.Update(id, func(t *Task) {
			if in.Title != nil {
				t.Title = title
			}
			if in.Done != nil {
				t.Done = *in.Done
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
