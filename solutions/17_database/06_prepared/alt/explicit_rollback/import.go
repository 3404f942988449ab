// Rolls back explicitly when the load helper fails instead of deferring Rollback.
package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Product is a row of products(sku, name, price_cents).
type Product struct {
	SKU        string
	Name       string
	PriceCents int64
}

func load(ctx context.Context, tx *sql.Tx, products []Product) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO products (sku, name, price_cents) VALUES ($1, $2, $3)`)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	for i := range products {
		p := &products[i]
		if _, err := stmt.ExecContext(ctx, p.SKU, p.Name, p.PriceCents); err != nil {
			return fmt.Errorf("product %d (%s): %w", i, p.SKU, err)
		}
	}
	return nil
}

// ImportProducts inserts every product, or none of them.
func ImportProducts(ctx context.Context, db *sql.DB, products []Product) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := load(ctx, tx, products); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
