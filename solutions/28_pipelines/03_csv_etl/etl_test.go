package etl

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// testOpenDB opens an empty SQLite file with the two tables.
func testOpenDB(t *testing.T) *sql.DB {
	t.Helper()
	dsn := "file:" + filepath.Join(t.TempDir(), "etl.db") + "?_pragma=busy_timeout(5000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatalf("open SQLite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	testExec(t, db,
		`CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, amount INTEGER NOT NULL)`,
		`CREATE TABLE load_checkpoints (job TEXT PRIMARY KEY, rows_done INTEGER NOT NULL)`)
	return db
}

func testExec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatalf("test setup: %s: %v", s, err)
		}
	}
}

// testCSV is a file of n data rows: id i, name "item-i", amount 10·i.
func testCSV(n int) string {
	var b strings.Builder
	b.WriteString("id,name,amount\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,item-%d,%d\n", i, i, 10*i)
	}
	return b.String()
}

// testIDs returns the ids in items, in order, and checks every row's
// content.
func testIDs(t *testing.T, db *sql.DB) []int {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), `SELECT id, name, amount FROM items ORDER BY id`)
	if err != nil {
		t.Fatalf("SELECT from items: %v", err)
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id, amount int
		var name string
		if err := rows.Scan(&id, &name, &amount); err != nil {
			t.Fatalf("scan items: %v", err)
		}
		if name != fmt.Sprintf("item-%d", id) || amount != 10*id {
			t.Errorf("items row %d = (%q, %d), want (%q, %d)", id, name, amount, fmt.Sprintf("item-%d", id), 10*id)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("read items: %v", err)
	}
	return ids
}

// testCheckpoint returns job's rows_done, or -1 when it has none.
func testCheckpoint(t *testing.T, db *sql.DB, job string) int {
	t.Helper()
	n := -1
	err := db.QueryRowContext(t.Context(), `SELECT rows_done FROM load_checkpoints WHERE job = ?`, job).Scan(&n)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		t.Fatalf("read load_checkpoints: %v", err)
	}
	return n
}

func testCP(cp int) string {
	if cp < 0 {
		return "no row for the job"
	}
	return fmt.Sprintf("rows_done %d", cp)
}

func testRange(from, to int) []int {
	var ids []int
	for i := from; i <= to; i++ {
		ids = append(ids, i)
	}
	return ids
}

// testSummary describes a list of ids briefly.
func testSummary(ids []int) string {
	if len(ids) == 0 {
		return "no rows"
	}
	if slices.Equal(ids, testRange(ids[0], ids[len(ids)-1])) {
		return fmt.Sprintf("%d rows, ids %d..%d", len(ids), ids[0], ids[len(ids)-1])
	}
	return fmt.Sprintf("%d rows, ids %v", len(ids), ids)
}

func TestLoad(t *testing.T) {
	for _, c := range []struct {
		rows, batch int
	}{
		{0, 10}, {1, 10}, {25, 10}, {30, 10}, {7, 1}, {25, 100},
	} {
		t.Run(fmt.Sprintf("%d rows in batches of %d", c.rows, c.batch), func(t *testing.T) {
			db := testOpenDB(t)
			n, err := Load(t.Context(), db, "daily", strings.NewReader(testCSV(c.rows)), c.batch)
			if n != c.rows || err != nil {
				t.Fatalf("Load of %d rows (batch %d) = %d, %v; want %d, nil", c.rows, c.batch, n, err, c.rows)
			}
			if ids := testIDs(t, db); !slices.Equal(ids, testRange(1, c.rows)) {
				t.Errorf("after Load of %d rows, items holds %s, want %s", c.rows, testSummary(ids), testSummary(testRange(1, c.rows)))
			}
			if cp := testCheckpoint(t, db, "daily"); c.rows > 0 && cp != c.rows {
				t.Errorf("after Load of %d rows, load_checkpoints has %s, want rows_done %d", c.rows, testCP(cp), c.rows)
			}
		})
	}
}

func TestRerunAfterSuccess(t *testing.T) {
	db := testOpenDB(t)
	if _, err := Load(t.Context(), db, "daily", strings.NewReader(testCSV(25)), 10); err != nil {
		t.Fatalf("first Load of 25 rows: %v", err)
	}
	n, err := Load(t.Context(), db, "daily", strings.NewReader(testCSV(25)), 10)
	if n != 0 || err != nil {
		t.Errorf("second Load of the same 25 rows, after the first finished = %d, %v; want 0, nil (the checkpoint says all 25 are loaded)", n, err)
	}
	if ids := testIDs(t, db); !slices.Equal(ids, testRange(1, 25)) {
		t.Errorf("after loading the same 25 rows twice, items holds %s, want 25 rows, ids 1..25", testSummary(ids))
	}
	// The file grew: a rerun loads only the new rows.
	n, err = Load(t.Context(), db, "daily", strings.NewReader(testCSV(32)), 10)
	if n != 7 || err != nil {
		t.Errorf("Load of 32 rows after 25 were loaded = %d, %v; want 7, nil", n, err)
	}
	if ids := testIDs(t, db); !slices.Equal(ids, testRange(1, 32)) {
		t.Errorf("after loading 25 rows, then 32, items holds %s, want 32 rows, ids 1..32", testSummary(ids))
	}
}

// testFailingReader returns the text, then err instead of io.EOF.
type testFailingReader struct {
	r   io.Reader
	err error
}

func (f *testFailingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

// TestResume fails a Load of 25 rows (batches of 10) in the middle of the
// third batch in several ways, then reruns it on the whole file.
func TestResume(t *testing.T) {
	full := testCSV(25)
	badRow := strings.Replace(full, "\n23,item-23,230\n", "\n23,item-23,lots\n", 1)
	cut := full[:strings.Index(full, "\n23,")+1] + "23,ite"
	for _, c := range []struct {
		name     string
		input    io.Reader
		setup    []string // before the failing Load
		teardown []string // before the rerun
		want     []int    // ids committed by the failing Load
		wantCP   int
	}{
		{
			name:  "row 23 is malformed",
			input: strings.NewReader(badRow),
			want:  testRange(1, 20), wantCP: 20,
		},
		{
			name:  "the reader fails in row 23",
			input: &testFailingReader{strings.NewReader(cut), errors.New("connection reset")},
			want:  testRange(1, 20), wantCP: 20,
		},
		{
			name:     "inserting row 23 fails",
			input:    strings.NewReader(full),
			setup:    []string{`CREATE TRIGGER fail_23 BEFORE INSERT ON items WHEN NEW.id = 23 BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`},
			teardown: []string{`DROP TRIGGER fail_23`},
			want:     testRange(1, 20), wantCP: 20,
		},
		{
			name:  "writing the checkpoint of the second batch fails",
			input: strings.NewReader(full),
			setup: []string{
				`CREATE TRIGGER fail_cp_i BEFORE INSERT ON load_checkpoints WHEN NEW.rows_done = 20 BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
				`CREATE TRIGGER fail_cp_u BEFORE UPDATE ON load_checkpoints WHEN NEW.rows_done = 20 BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
			},
			teardown: []string{`DROP TRIGGER fail_cp_i`, `DROP TRIGGER fail_cp_u`},
			want:     testRange(1, 10), wantCP: 10,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := testOpenDB(t)
			testExec(t, db, c.setup...)
			n, err := Load(t.Context(), db, "daily", c.input, 10)
			if err == nil {
				t.Fatalf("Load of 25 rows in batches of 10 when %s = %d, nil; want an error", c.name, n)
			}
			ids := testIDs(t, db)
			if !slices.Equal(ids, c.want) {
				t.Errorf("Load of 25 rows in batches of 10 failed when %s; items then holds %s, want %s: each batch of 10 must be committed on its own, all of it or none", c.name, testSummary(ids), testSummary(c.want))
			}
			if cp := testCheckpoint(t, db, "daily"); cp != c.wantCP {
				why := ""
				if slices.Equal(ids, c.want) {
					why = ": the checkpoint must count exactly the rows committed, so write it in its batch's transaction, before Commit"
				}
				t.Errorf("Load of 25 rows in batches of 10 failed when %s; load_checkpoints then has %s, want rows_done %d (items holds %s)%s", c.name, testCP(cp), c.wantCP, testSummary(ids), why)
			}
			if n != len(c.want) {
				t.Errorf("Load of 25 rows in batches of 10 failed when %s and returned %d rows, want %d (the rows committed)", c.name, n, len(c.want))
			}

			testExec(t, db, c.teardown...)
			n, err = Load(t.Context(), db, "daily", strings.NewReader(full), 10)
			ids = testIDs(t, db)
			if err != nil {
				t.Fatalf("rerun of Load on the whole file after it failed when %s = %d, %v; want %d, nil (items holds %s)", c.name, n, err, 25-len(c.want), testSummary(ids))
			}
			if !slices.Equal(ids, testRange(1, 25)) {
				t.Errorf("rerun of Load on the whole file after it failed when %s: items holds %s, want 25 rows, ids 1..25", c.name, testSummary(ids))
			}
			if n != 25-len(c.want) {
				t.Errorf("rerun of Load on the whole file after it failed when %s returned %d rows, want %d", c.name, n, 25-len(c.want))
			}
		})
	}
}

func TestJobsHaveTheirOwnCheckpoint(t *testing.T) {
	db := testOpenDB(t)
	if _, err := Load(t.Context(), db, "monday", strings.NewReader(testCSV(12)), 5); err != nil {
		t.Fatalf("Load of 12 rows for job monday: %v", err)
	}
	all := testCSV(20)
	tuesday := "id,name,amount\n" + all[strings.Index(all, "\n13,")+1:] // rows 13..20
	n, err := Load(t.Context(), db, "tuesday", strings.NewReader(tuesday), 5)
	if n != 8 || err != nil {
		t.Errorf("Load of a file of 8 new rows for job tuesday, after job monday loaded 12 = %d, %v; want 8, nil (each job has its own checkpoint)", n, err)
	}
	if cp := testCheckpoint(t, db, "monday"); cp != 12 {
		t.Errorf("after jobs monday (12 rows) and tuesday (8 rows), monday has %s, want rows_done 12", testCP(cp))
	}
	if cp := testCheckpoint(t, db, "tuesday"); cp != 8 {
		t.Errorf("after jobs monday (12 rows) and tuesday (8 rows), tuesday has %s, want rows_done 8", testCP(cp))
	}
}
