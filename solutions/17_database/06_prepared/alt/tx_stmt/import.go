// Prepares on the pool and binds the statement to the transaction with tx.StmtContext.
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
	stmt, err := db.PrepareContext(ctx, `INSERT INTO products (sku, name, price_cents) VALUES ($1, $2, $3)`)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	defer stmt.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	txStmt := tx.StmtContext(ctx, stmt)
	defer txStmt.Close()
	for _, p := range products {
		if _, err := txStmt.ExecContext(ctx, p.SKU, p.Name, p.PriceCents); err != nil {
			return fmt.Errorf("import %s: %w", p.SKU, err)
		}
	}
	return tx.Commit()
}
