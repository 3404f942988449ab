package userstore

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"slices"
	"sync"
)

var (
	// ErrNotFound is returned, wrapped, when there is no user with that id.
	ErrNotFound = errors.New("user not found")
	// ErrEmailTaken is returned, wrapped, when another user has that email.
	ErrEmailTaken = errors.New("email already taken")
)

// User is what the service knows about a user.
type User struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Repository stores users. The handlers depend on this interface only, so
// that the storage can change (SQLite, PostgreSQL, memory in tests) without
// them knowing. Every implementation must behave the same way: that is the
// contract the tests check.
type Repository interface {
	// Create stores a new user and returns it with its new, unique ID.
	// An email already in use gives ErrEmailTaken.
	Create(ctx context.Context, name, email string) (User, error)
	// Get returns the user with that id, or ErrNotFound.
	Get(ctx context.Context, id int64) (User, error)
	// List returns every user, ordered by ID.
	List(ctx context.Context) ([]User, error)
	// Delete removes the user with that id, or returns ErrNotFound.
	Delete(ctx context.Context, id int64) error
}

// MemoryRepository keeps users in a map: for tests and demos.
type MemoryRepository struct {
	mu     sync.Mutex
	users  map[int64]User
	lastID int64
}

// Both implementations satisfy the interface; the compiler checks it here.
var _ Repository = (*MemoryRepository)(nil)

// NewMemoryRepository returns an empty MemoryRepository.
func NewMemoryRepository() *MemoryRepository {
	return &MemoryRepository{users: map[int64]User{}}
}

// Create stores a new user.
func (r *MemoryRepository) Create(_ context.Context, name, email string) (User, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, u := range r.users {
		if u.Email == email {
			return User{}, ErrEmailTaken
		}
	}
	r.lastID++
	u := User{ID: r.lastID, Name: name, Email: email}
	r.users[u.ID] = u
	return u, nil
}

// Get returns the user with that id.
func (r *MemoryRepository) Get(_ context.Context, id int64) (User, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	u, ok := r.users[id]
	if !ok {
		return User{}, ErrNotFound
	}
	return u, nil
}

// List returns every user, ordered by ID.
func (r *MemoryRepository) List(context.Context) ([]User, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.SortedFunc(maps.Values(r.users), func(a, b User) int { return cmp.Compare(a.ID, b.ID) }), nil
}

// Delete removes the user with that id.
func (r *MemoryRepository) Delete(_ context.Context, id int64) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.users[id]; !ok {
		return ErrNotFound
	}
	delete(r.users, id)
	return nil
}
