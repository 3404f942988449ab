package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
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

// testSeed creates users with five people in three teams.
func testSeed(t *testing.T) *sql.DB {
	t.Helper()
	db, _ := testOpenTestDB(t)
	testExec(t, db,
		`CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, team TEXT NOT NULL)`,
		`INSERT INTO users (id, name, email, team) VALUES
			(1, 'Linus', 'l.torvalds@example.org', 'backend'),
			(2, 'Grace', 'g.hopper@example.org', 'frontend'),
			(3, 'Ken', 'a.ken@example.org', 'backend'),
			(4, 'Ada', 'z.ada@example.org', 'backend'),
			(5, 'Brian', 'b.kernighan@example.org', 'Rock ''n'' Roll')`)
	return db
}

// testNames lists the users' names, in order.
func testNames(us []User) string {
	ns := make([]string, len(us))
	for i, u := range us {
		ns[i] = u.Name
	}
	return "[" + strings.Join(ns, " ") + "]"
}

// testCheckIntact fails the test when the users table lost rows or is gone.
func testCheckIntact(t *testing.T, db *sql.DB, call string) {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), `SELECT count(*) FROM users`).Scan(&n); err != nil {
		t.Fatalf("after %s, the users table cannot be read (%v): the input was run as SQL", call, err)
	}
	if n != 5 {
		t.Fatalf("after %s, the users table holds %d rows, want 5: the input was run as SQL", call, n)
	}
}

func TestFindUsers(t *testing.T) {
	tests := []struct {
		team, orderBy, want string
	}{
		{"backend", "", "[Linus Ken Ada]"},
		{"backend", "id", "[Linus Ken Ada]"},
		{"backend", "name", "[Ada Ken Linus]"},
		{"backend", "email", "[Ken Linus Ada]"},
		{"frontend", "name", "[Grace]"},
		{"nobody", "", "[]"},
	}
	db := testSeed(t)
	for _, tc := range tests {
		t.Run(tc.team+"/"+tc.orderBy, func(t *testing.T) {
			got, err := FindUsers(t.Context(), db, tc.team, tc.orderBy)
			if err != nil || testNames(got) != tc.want {
				t.Errorf("FindUsers(%q, %q) = %s, %v; want %s, nil", tc.team, tc.orderBy, testNames(got), err, tc.want)
			}
			if len(got) > 0 && got[0].Team != tc.team {
				t.Errorf("FindUsers(%q, %q)[0] = %+v: wrong team", tc.team, tc.orderBy, got[0])
			}
			testCheckReleased(t, db, "FindUsers")
		})
	}
}

func TestQuoteInTeamName(t *testing.T) {
	db := testSeed(t)
	team := "Rock 'n' Roll"
	got, err := FindUsers(t.Context(), db, team, "name")
	if err != nil || testNames(got) != "[Brian]" {
		t.Fatalf("FindUsers(%q, \"name\") = %s, %v; want [Brian], nil: a quote in a value must not end the SQL string; pass the value as a placeholder argument", team, testNames(got), err)
	}
}

func TestInjectionInTeam(t *testing.T) {
	attacks := []string{
		`x' OR '1'='1`,
		`' OR 1=1 --`,
		`x" OR "1"="1`,
		`backend' UNION SELECT 99, 'hacker', 'pw', 'backend' --`,
		`'; DROP TABLE users; --`,
	}
	for _, team := range attacks {
		t.Run(team, func(t *testing.T) {
			db := testSeed(t)
			got, err := FindUsers(t.Context(), db, team, "")
			if err != nil || len(got) != 0 {
				t.Errorf("FindUsers(%q, \"\") = %s, %v; want no users and no error: no team has that name, so the text ended up in the SQL itself. Pass team as an argument: WHERE team = $1", team, testNames(got), err)
			}
			testCheckIntact(t, db, fmt.Sprintf("FindUsers(%q, \"\")", team))
		})
	}
}

func TestInjectionInOrderBy(t *testing.T) {
	attacks := []string{
		"name; DROP TABLE users",
		"(SELECT 1)",
		"name DESC",
		"email, (CASE WHEN 1=1 THEN name END)",
		"password",
		" id",
	}
	for _, orderBy := range attacks {
		t.Run(orderBy, func(t *testing.T) {
			db := testSeed(t)
			got, err := FindUsers(t.Context(), db, "backend", orderBy)
			if !errors.Is(err, ErrBadOrder) {
				t.Errorf("FindUsers(\"backend\", %q) = %s, %v; want an error wrapping ErrBadOrder: accept only \"id\", \"name\", \"email\" and \"\", and put SQL you wrote into the query, never the caller's text", orderBy, testNames(got), err)
			}
			testCheckIntact(t, db, fmt.Sprintf("FindUsers(\"backend\", %q)", orderBy))
		})
	}
}
