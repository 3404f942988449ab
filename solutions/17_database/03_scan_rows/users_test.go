package users

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// testOpenTestDB opens an empty database for one test: a SQLite file in
// t.TempDir(), or, when DATABASE_URL is set, a new PostgreSQL schema that is
// dropped when the test ends. postgres says which one it is.
func testOpenTestDB(t *testing.T) (db *sql.DB, postgres bool) {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		// busy_timeout: wait up to 10s for a lock held by another
		// connection instead of failing at once; _txlock=immediate: a
		// transaction takes the write lock when it begins.
		dsn := "file:" + filepath.Join(t.TempDir(), "test.db") + "?_pragma=busy_timeout(10000)&_txlock=immediate"
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			t.Fatalf("open SQLite: %v", err)
		}
		t.Cleanup(func() { db.Close() })
		return db, false
	}
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("open DATABASE_URL: %v", err)
	}
	schema := fmt.Sprintf("test_%d_%x", os.Getpid(), rand.Uint64())
	if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create a schema for the test in DATABASE_URL: %v", err)
	}
	// Every connection of the test's pool starts in the new schema.
	switch {
	case !strings.Contains(url, "://"): // key=value form
		url += " search_path=" + schema
	case strings.Contains(url, "?"):
		url += "&search_path=" + schema
	default:
		url += "?search_path=" + schema
	}
	db, err = sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("open DATABASE_URL: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	return db, true
}

// testExec runs setup statements, failing the test on the first error.
func testExec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatalf("test setup: %s: %v", s, err)
		}
	}
}

// testCheckReleased fails the test when the function left a connection checked out
// (rows never closed, a transaction never ended).
func testCheckReleased(t *testing.T, db *sql.DB, call string) {
	t.Helper()
	if n := db.Stats().InUse; n != 0 {
		t.Errorf("after %s returned, %d connection(s) of the pool are still in use: close every *sql.Rows (defer rows.Close()) and end every transaction (defer tx.Rollback())", call, n)
	}
}

const testSchema = `CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT)`

// testSeed creates users and fills it: Grace has no email.
func testSeed(t *testing.T) *sql.DB {
	t.Helper()
	db, _ := testOpenTestDB(t)
	testExec(t, db, testSchema,
		`INSERT INTO users (id, name, email) VALUES (3, 'Linus', 'linus@example.org')`,
		`INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.org')`,
		`INSERT INTO users (id, name, email) VALUES (2, 'Grace', NULL)`)
	return db
}

func testStr(s string) *string { return &s }

// testShow prints a user with its email or NULL, instead of a pointer address.
func testShow(u User) string {
	email := "NULL"
	if u.Email != nil {
		email = fmt.Sprintf("%q", *u.Email)
	}
	return fmt.Sprintf("{ID:%d Name:%q Email:%s}", u.ID, u.Name, email)
}

func testShowAll(us []User) string {
	parts := make([]string, len(us))
	for i, u := range us {
		parts[i] = testShow(u)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func testSame(a, b User) bool {
	return a.ID == b.ID && a.Name == b.Name &&
		(a.Email == nil) == (b.Email == nil) && (a.Email == nil || *a.Email == *b.Email)
}

var (
	testAda   = User{ID: 1, Name: "Ada", Email: testStr("ada@example.org")}
	testGrace = User{ID: 2, Name: "Grace"}
	testLinus = User{ID: 3, Name: "Linus", Email: testStr("linus@example.org")}
)

func TestGetUser(t *testing.T) {
	db := testSeed(t)
	for _, want := range []User{testAda, testGrace, testLinus} {
		got, err := GetUser(t.Context(), db, want.ID)
		if err != nil {
			t.Errorf("GetUser(%d): %v", want.ID, err)
			if strings.Contains(err.Error(), "NULL") {
				t.Errorf("hint: scan a column that may be NULL into a pointer (&u.Email, a **string) or an sql.NullString, never into a plain string")
			}
			continue
		}
		if !testSame(got, want) {
			t.Errorf("GetUser(%d) = %s, want %s", want.ID, testShow(got), testShow(want))
		}
	}
	testCheckReleased(t, db, "GetUser")
}

func TestGetUserNotFound(t *testing.T) {
	db := testSeed(t)
	u, err := GetUser(t.Context(), db, 42)
	if !errors.Is(err, ErrNotFound) {
		const did = "GetUser(42), no such user: %s, error %v; want an error wrapping ErrNotFound"
		switch {
		case err != nil && strings.Contains(err.Error(), ErrNotFound.Error()):
			t.Fatalf(did+": the error's text holds %q, but errors.Is(err, ErrNotFound) is false, so it was formatted into the text (%%v) instead of wrapped (%%w)", testShow(u), err, ErrNotFound.Error())
		case errors.Is(err, sql.ErrNoRows):
			t.Fatalf(did+" (QueryRow's Scan returns sql.ErrNoRows: translate it)", testShow(u), err)
		default:
			t.Fatalf(did, testShow(u), err)
		}
	}
	testCheckReleased(t, db, "GetUser")
}

func TestListUsers(t *testing.T) {
	db := testSeed(t)
	got, err := ListUsers(t.Context(), db)
	want := []User{testAda, testGrace, testLinus}
	if err != nil {
		t.Fatalf("ListUsers: %v", err)
	}
	if !slices.EqualFunc(got, want, testSame) {
		t.Errorf("ListUsers() = %s,\nwant %s", testShowAll(got), testShowAll(want))
	}
	testCheckReleased(t, db, "ListUsers")
}

func TestListUsersEmpty(t *testing.T) {
	db, _ := testOpenTestDB(t)
	testExec(t, db, testSchema)
	got, err := ListUsers(t.Context(), db)
	if err != nil || len(got) != 0 {
		t.Fatalf("ListUsers() on an empty table = %s, %v; want no users and no error", testShowAll(got), err)
	}
	testCheckReleased(t, db, "ListUsers")
}

// testBrokenUsers replaces the table users by a view over users_data whose row
// with id 2 is broken as broken says.
func testBrokenUsers(t *testing.T, broken string) *sql.DB {
	t.Helper()
	db, postgres := testOpenTestDB(t)
	testExec(t, db, strings.Replace(testSchema, "users", "users_data", 1),
		`INSERT INTO users_data (id, name, email) VALUES (1, 'Ada', 'ada@example.org'), (2, 'Grace', NULL), (3, 'Linus', 'linus@example.org')`)
	var view string
	switch {
	case broken == "unscannable id" && postgres:
		view = `SELECT CASE WHEN id = 2 THEN 'two' ELSE id::text END AS id, name, email FROM users_data`
	case broken == "unscannable id":
		view = `SELECT CASE WHEN id = 2 THEN 'two' ELSE id END AS id, name, email FROM users_data`
	case broken == "fails while reading" && postgres:
		view = `SELECT id, name, CASE WHEN id = 3 THEN (1 / (id - 3))::text ELSE email END AS email FROM users_data`
	case broken == "fails while reading":
		// json('{') raises "malformed JSON" when that row is read.
		view = `SELECT id, name, CASE WHEN id = 3 THEN json('{') ELSE email END AS email FROM users_data`
	}
	testExec(t, db, `CREATE VIEW users AS `+view)
	return db
}

func TestListUsersScanError(t *testing.T) {
	db := testBrokenUsers(t, "unscannable id")
	got, err := ListUsers(t.Context(), db)
	if err == nil {
		t.Fatalf("ListUsers() over a row whose id is 'two' = %s, nil; want the Scan error", testShowAll(got))
	}
	testCheckReleased(t, db, "ListUsers (returning early on a Scan error)")
}

func TestListUsersIterationError(t *testing.T) {
	db := testBrokenUsers(t, "fails while reading")
	got, err := ListUsers(t.Context(), db)
	if err == nil {
		t.Fatalf("the database failed while reading the third row, yet ListUsers() = %s, nil: rows.Next() returns false on an error too, so check rows.Err() after the loop", testShowAll(got))
	}
	testCheckReleased(t, db, "ListUsers")
}
