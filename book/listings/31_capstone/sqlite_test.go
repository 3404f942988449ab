package capstone

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // registers the driver "sqlite"
)

// ANCHOR: open
// openDB opens a SQLite database the way a service does: check that it
// answers, then create the schema if it is not there yet.
func openDB(ctx context.Context, path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", path) // opens nothing yet: connections come on demand
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // one writer at a time; and ":memory:" is per connection
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	const schema = `CREATE TABLE IF NOT EXISTS users (
		id    INTEGER PRIMARY KEY AUTOINCREMENT,
		name  TEXT NOT NULL,
		admin INTEGER NOT NULL DEFAULT 0
	)`
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("schema: %w", err)
	}
	return db, nil
}

// ANCHOR_END: open

func count(rows *sql.Rows, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return fmt.Sprint(n, " rows")
}

// ANCHOR: injection
func Example_injection() {
	ctx := context.Background()
	db, err := openDB(ctx, ":memory:")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.ExecContext(ctx, `INSERT INTO users (name, admin) VALUES ('ada', 1), ('bob', 0)`)

	name := "nobody' OR '1'='1" // what an attacker types into a search box

	// Pasted into the SQL text, the quote ends the string and the rest
	// becomes SQL: the WHERE clause is now always true.
	pasted := "SELECT id FROM users WHERE name = '" + name + "'"
	fmt.Println("pasted:      ", count(db.QueryContext(ctx, pasted)))

	// As an argument, it is a value and nothing else: no user has that name.
	asValue := `SELECT id FROM users WHERE name = ?`
	fmt.Println("placeholder: ", count(db.QueryContext(ctx, asValue, name)))
	// Output:
	// pasted:       2 rows
	// placeholder:  0 rows
}

// ANCHOR_END: injection

// ANCHOR: not-found
var errNoUser = errors.New("user not found")

// userName turns "no row" into the package's own error, which the HTTP
// layer maps to 404; any other error stays an internal one.
func userName(ctx context.Context, db *sql.DB, id int64) (string, error) {
	var name string
	err := db.QueryRowContext(ctx,
		`SELECT name FROM users WHERE id = ?`, id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("user %d: %w", id, errNoUser)
	}
	if err != nil {
		return "", fmt.Errorf("user %d: %w", id, err)
	}
	return name, nil
}

func Example_notFound() {
	ctx := context.Background()
	db, _ := openDB(ctx, ":memory:")
	defer db.Close()
	db.ExecContext(ctx, `INSERT INTO users (name) VALUES ('ada')`)

	fmt.Println(userName(ctx, db, 1))
	_, err := userName(ctx, db, 7)
	fmt.Println(err, errors.Is(err, errNoUser))
	// Output:
	// ada <nil>
	// user 7: user not found true
}

// ANCHOR_END: not-found

// ANCHOR: partial
// rename changes the name when one is given and leaves it alone when name
// is nil: database/sql sends a nil pointer as NULL, and COALESCE(NULL, x)
// is x. RETURNING hands back the row as stored, in the same statement.
func rename(
	ctx context.Context, db *sql.DB, id int64, name *string, admin *bool,
) (string, bool, error) {
	var gotName string
	var gotAdmin bool
	err := db.QueryRowContext(ctx,
		`UPDATE users SET name = COALESCE(?, name), admin = COALESCE(?, admin)
		 WHERE id = ? RETURNING name, admin`,
		name, admin, id).Scan(&gotName, &gotAdmin)
	return gotName, gotAdmin, err
}

func Example_partialUpdate() {
	ctx := context.Background()
	db, _ := openDB(ctx, ":memory:")
	defer db.Close()
	db.ExecContext(ctx, `INSERT INTO users (name, admin) VALUES ('ada', 1)`)

	newName := "Ada Lovelace"
	fmt.Println(rename(ctx, db, 1, &newName, nil)) // admin is kept
	no := false
	fmt.Println(rename(ctx, db, 1, nil, &no)) // name is kept
	fmt.Println(rename(ctx, db, 9, &newName, nil))
	// Output:
	// Ada Lovelace true <nil>
	// Ada Lovelace false <nil>
	//  false sql: no rows in result set
}

// ANCHOR_END: partial

// ANCHOR: real-db-test
// A test against the real database: a fresh file in a temporary directory
// that the test removes when it ends. SQLite makes this as fast as a fake,
// and it tests the SQL too, which no fake does.
func TestUserName(t *testing.T) {
	db, err := openDB(t.Context(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("openDB: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	_, err = db.ExecContext(t.Context(), `INSERT INTO users (name) VALUES (?)`, "ada")
	if err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		id      int64
		want    string
		wantErr error
	}{
		{1, "ada", nil},
		{2, "", errNoUser},
		{-1, "", errNoUser},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint("id ", tt.id), func(t *testing.T) {
			got, err := userName(t.Context(), db, tt.id)
			if got != tt.want || !errors.Is(err, tt.wantErr) {
				t.Errorf("userName(%d) = %q, %v; want %q, %v",
					tt.id, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// ANCHOR_END: real-db-test
