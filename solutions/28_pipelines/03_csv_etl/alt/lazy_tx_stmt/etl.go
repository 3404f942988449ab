// Alternative: one statement prepared on the database, bound to each
// batch's transaction with tx.StmtContext; the transaction is opened lazily
// at a batch's first row, and the checkpoint is an UPDATE followed by an
// INSERT when no row was updated.
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

// Load copies the CSV rows of r into items in batches of batchSize rows,
// resuming after job's checkpoint.
func Load(ctx context.Context, db *sql.DB, job string, r io.Reader, batchSize int) (int, error) {
	var already int
	if err := db.QueryRowContext(ctx, `SELECT rows_done FROM load_checkpoints WHERE job = ?`,
		job).Scan(&already); err != nil && err != sql.ErrNoRows {
		return 0, err
	}
	insert, err := db.PrepareContext(ctx, `INSERT INTO items (id, name, amount) VALUES (?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer insert.Close()

	cr := csv.NewReader(r)
	if _, err := cr.Read(); err != nil {
		if err == io.EOF {
			return 0, nil
		}
		return 0, err
	}
	var (
		tx       *sql.Tx
		inBatch  int
		position int // data rows read so far
		inserted int
	)
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	commit := func() error {
		res, err := tx.ExecContext(ctx, `UPDATE load_checkpoints SET rows_done = ? WHERE job = ?`, position, job)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO load_checkpoints (job, rows_done) VALUES (?, ?)`, job, position); err != nil {
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		tx = nil
		inserted += inBatch
		inBatch = 0
		return nil
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return inserted, err
		}
		position++
		if position <= already {
			continue
		}
		it, err := parseRow(rec)
		if err != nil {
			return inserted, err
		}
		if tx == nil {
			if tx, err = db.BeginTx(ctx, nil); err != nil {
				return inserted, err
			}
		}
		if _, err := tx.StmtContext(ctx, insert).ExecContext(ctx, it.ID, it.Name, it.Amount); err != nil {
			return inserted, err
		}
		inBatch++
		if inBatch == batchSize {
			if err := commit(); err != nil {
				return inserted, err
			}
		}
	}
	if tx != nil {
		if err := commit(); err != nil {
			return inserted, err
		}
	}
	return inserted, nil
}
