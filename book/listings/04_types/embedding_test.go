package types

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// ANCHOR: embedding
// Resource holds what every stored record has.
type Resource struct {
	ID      int
	Version int
}

// Describe names the resource.
func (r Resource) Describe() string {
	return fmt.Sprintf("resource %d (v%d)", r.ID, r.Version)
}

// Label shows the description in brackets.
func (r Resource) Label() string {
	return "[" + r.Describe() + "]"
}

// Invoice embeds Resource: a field with a type and no name.
type Invoice struct {
	Resource
	Total int
}

// Describe overrides Resource.Describe for invoices, and calls the
// embedded one by its type name.
func (i Invoice) Describe() string {
	return fmt.Sprintf("invoice of %d cents, %s", i.Total, i.Resource.Describe())
}

func ExampleInvoice() {
	inv := Invoice{Resource: Resource{ID: 7, Version: 2}, Total: 1250}
	fmt.Println(inv.ID)         // a promoted field: inv.Resource.ID
	fmt.Println(inv.Describe()) // Invoice's own method
	fmt.Println(inv.Label())    // promoted: inv.Resource.Label()
	// Output:
	// 7
	// invoice of 1250 cents, resource 7 (v2)
	// [resource 7 (v2)]
}

// ANCHOR_END: embedding

// ANCHOR: recorder
// statusRecorder is an http.ResponseWriter that remembers the status code.
// It embeds the interface, so Header and Write are promoted from the
// ResponseWriter it wraps; it overrides only WriteHeader.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func Example_statusRecorder() {
	rec := &statusRecorder{
		ResponseWriter: httptest.NewRecorder(),
		status:         http.StatusOK,
	}
	var w http.ResponseWriter = rec // it has all three methods
	w.WriteHeader(http.StatusTeapot)
	w.Write([]byte("short and stout"))
	fmt.Println(rec.status)
	// Output:
	// 418
}

// ANCHOR_END: recorder
