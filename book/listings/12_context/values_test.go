package ctxdemo

import (
	"context"
	"fmt"
)

// ANCHOR: values
// tenantKey is unexported, and so is its type: no other package can build
// a key equal to it, so nobody else can read, overwrite or collide with
// the value stored under it.
type tenantKey struct{}

// WithTenant returns a copy of ctx that carries the tenant's name.
func WithTenant(ctx context.Context, tenant string) context.Context {
	return context.WithValue(ctx, tenantKey{}, tenant)
}

// Tenant returns the tenant carried by ctx, if any. The two-value type
// assertion turns "no value" (nil) into ok == false instead of a panic.
func Tenant(ctx context.Context) (string, bool) {
	t, ok := ctx.Value(tenantKey{}).(string)
	return t, ok
}

// ANCHOR_END: values

// ANCHOR: values_use
func ExampleTenant() {
	ctx := WithTenant(context.Background(), "acme")
	child, cancel := context.WithCancel(ctx) // values flow down to children
	defer cancel()

	show := func(tenant string, ok bool) { fmt.Printf("%q %v\n", tenant, ok) }
	show(Tenant(child))
	show(Tenant(context.Background()))
	show(Tenant(context.WithValue(ctx, "tenant", "evil"))) // not our key
	// Output:
	// "acme" true
	// "" false
	// "acme" true
}

// ANCHOR_END: values_use
