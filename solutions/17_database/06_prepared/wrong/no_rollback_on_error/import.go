// Wrong: no Rollback: after a failed insert the transaction stays open, holding its connection and its lock.
// ImportProducts sends every INSERT on its own: the database parses the
// same SQL once per product, and a failure half-way leaves half an import.
// Make it one transaction, with one prepared statement (tx.PrepareContext,
// closed with defer) executed once per product; all or nothing.
package catalog

import (
	"context"
	"database/sql"
	"fmt"
)

// Product is a row of products(sku, name, price_cents).
type Product struct {
	SKU        string
	Name       string
	PriceCents int64
}

// ImportProducts inserts every product, or none of them.
func ImportProducts(ctx context.Context, db *sql.DB, products []Product) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}

	// Parsed and planned once, on the transaction's connection; each Exec
	// only sends the values.
	stmt, err := tx.PrepareContext(ctx,
		`INSERT INTO products (sku, name, price_cents) VALUES ($1, $2, $3)`)
	if err != nil {
		return fmt.Errorf("import: prepare: %w", err)
	}
	defer stmt.Close()

	for _, p := range products {
		if _, err := stmt.ExecContext(ctx, p.SKU, p.Name, p.PriceCents); err != nil {
			return fmt.Errorf("import %s: %w", p.SKU, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("import: commit: %w", err)
	}
	return nil
}
