// SQLRepository is the Repository the service runs on, but its methods are
// not written yet. Write them, against the table users(id, name, email)
// whose id the database assigns and whose email is UNIQUE, so that they
// keep the same contract as MemoryRepository: the same results and the
// same errors (ErrNotFound, ErrEmailTaken, wrapped) for the same calls.
package userstore

import (
	"context"
	"database/sql"
	"errors"
)

// SQLRepository stores users in a database/sql database.
type SQLRepository struct {
	db *sql.DB
}

var _ Repository = (*SQLRepository)(nil)

// NewSQLRepository returns a Repository backed by db.
func NewSQLRepository(db *sql.DB) *SQLRepository {
	return &SQLRepository{db: db}
}

var errTODO = errors.New("not written yet")

// Create stores a new user.
func (r *SQLRepository) Create(ctx context.Context, name, email string) (User, error) {
	return User{}, errTODO // TODO: insert, and learn the id the database chose
}

// Get returns the user with that id.
func (r *SQLRepository) Get(ctx context.Context, id int64) (User, error) {
	return User{}, errTODO // TODO
}

// List returns every user, ordered by ID.
func (r *SQLRepository) List(ctx context.Context) ([]User, error) {
	return nil, errTODO // TODO
}

// Delete removes the user with that id.
func (r *SQLRepository) Delete(ctx context.Context, id int64) error {
	return errTODO // TODO
}
