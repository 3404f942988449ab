// A resumable ETL: Load copies a CSV file into SQLite, but it inserts every
// row in its own statement outside any transaction and keeps no record of
// its progress, so a failure half-way leaves a part of the file loaded and
// a rerun inserts the same rows again. Make it load in batches, one
// transaction per batch (a prepared INSERT for its rows), with the
// checkpoint updated in the same transaction, and make a rerun continue
// after the last committed batch. You are done when the hidden tests pass.
package etl

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// The tables exist already (the caller creates them):
//
//	CREATE TABLE items (
//		id     INTEGER PRIMARY KEY,
//		name   TEXT NOT NULL,
//		amount INTEGER NOT NULL
//	);
//	CREATE TABLE load_checkpoints (
//		job       TEXT PRIMARY KEY,
//		rows_done INTEGER NOT NULL -- data rows of the file loaded so far
//	);

// ErrBadRow is returned (wrapped) for a CSV row whose id or amount is not
// an integer.
var ErrBadRow = errors.New("bad row")

// Item is one data row of the file.
type Item struct {
	ID     int64
	Name   string
	Amount int64
}

// parseRow reads one CSV record: id, name, amount.
func parseRow(rec []string) (Item, error) {
	id, err1 := strconv.ParseInt(rec[0], 10, 64)
	amount, err2 := strconv.ParseInt(rec[2], 10, 64)
	if err1 != nil || err2 != nil {
		return Item{}, fmt.Errorf("%w: %q", ErrBadRow, rec)
	}
	return Item{ID: id, Name: rec[1], Amount: amount}, nil
}

// Load reads CSV from r: a header line (id,name,amount), then one data row
// per line. It inserts the data rows into items, batchSize rows per
// transaction: each batch, with the checkpoint of job in load_checkpoints
// (rows_done: how many data rows of the file are loaded), is committed
// together or not at all. The last batch may be shorter.
//
// If job has a checkpoint already (an earlier Load failed, or finished),
// Load skips that many data rows of the file and loads the rest, so that
// a rerun on the same file leaves every row in items exactly once.
//
// Load stops at the first error: reading r, a malformed CSV line or a
// row that fails parseRow, or the database. The batches committed before
// it stay committed; the rows of the batch in progress are not inserted.
// Load returns how many rows it inserted, and the error.
func Load(ctx context.Context, db *sql.DB, job string, r io.Reader, batchSize int) (int, error) {
	// TODO: batches in transactions, a checkpoint, and resuming from it.
	cr := csv.NewReader(r)
	if _, err := cr.Read(); err != nil { // the header
		if err == io.EOF {
			return 0, nil
		}
		return 0, err
	}
	n := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		it, err := parseRow(rec)
		if err != nil {
			return n, err
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO items (id, name, amount) VALUES (?, ?, ?)`, it.ID, it.Name, it.Amount); err != nil {
			return n, err
		}
		n++
	}
}
