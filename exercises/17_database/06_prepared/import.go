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
	// TODO: one transaction, one prepared statement.
	for _, p := range products {
		_, err := db.ExecContext(ctx,
			`INSERT INTO products (sku, name, price_cents) VALUES ($1, $2, $3)`, p.SKU, p.Name, p.PriceCents)
		if err != nil {
			return fmt.Errorf("import %s: %w", p.SKU, err)
		}
	}
	return nil
}
