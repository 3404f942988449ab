// Alternative: each batch is one multi-row INSERT (VALUES (?, ?, ?), …)
// built for the batch, with INSERT OR REPLACE for the checkpoint, both in
// one transaction; the records of a batch are collected before parsing.
package etl

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
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
	skip := 0
	switch err := db.QueryRowContext(ctx, `SELECT rows_done FROM load_checkpoints WHERE job = ?`, job).Scan(&skip); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return 0, err
	}
	cr := csv.NewReader(r)
	header := true
	row := 0 // data rows read so far
	total := 0
	var recs [][]string
	flush := func() error {
		if len(recs) == 0 {
			return nil
		}
		items := make([]Item, 0, len(recs))
		for _, rec := range recs {
			it, err := parseRow(rec)
			if err != nil {
				return err
			}
			items = append(items, it)
		}
		if err := insertAll(ctx, db, job, skip+total+len(items), items); err != nil {
			return err
		}
		total += len(items)
		recs = recs[:0]
		return nil
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return total, flush()
		}
		if err != nil {
			return total, err
		}
		if header {
			header = false
			continue
		}
		row++
		if row <= skip {
			continue
		}
		recs = append(recs, rec)
		if len(recs) == batchSize {
			if err := flush(); err != nil {
				return total, err
			}
		}
	}
}

func insertAll(ctx context.Context, db *sql.DB, job string, upTo int, items []Item) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	q := "INSERT INTO items (id, name, amount) VALUES " +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", len(items)), ", ")
	args := make([]any, 0, 3*len(items))
	for _, it := range items {
		args = append(args, it.ID, it.Name, it.Amount)
	}
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT OR REPLACE INTO load_checkpoints (job, rows_done) VALUES (?, ?)`, job, upTo); err != nil {
		return err
	}
	return tx.Commit()
}
