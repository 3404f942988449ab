// Alt: checks that nothing follows the object by asking the decoder for one more token (dec.Token must return io.EOF), and reports errors through a wrapping helper.
// decodeJSON reads a request body as it is, and the handler trusts it. Make
// it strict: a body larger than MaxBodyBytes must fail with an error that
// wraps *http.MaxBytesError (the handler turns it into 413); malformed JSON,
// wrong types, unknown fields, an empty body and anything after the first
// JSON value must fail too (400). Trailing spaces and newlines are fine.
package orders

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// MaxBodyBytes is the largest request body accepted.
const MaxBodyBytes = 4096

// decodeJSON decodes the request body, one JSON object, into dst.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return wrap("decode body", err)
	}
	if tok, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err != nil {
			return wrap("after the object", err)
		}
		return fmt.Errorf("unexpected %v after the object", tok)
	}
	return nil
}

// wrap keeps err inspectable with errors.As while naming what failed.
func wrap(what string, err error) error {
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: empty body: %w", what, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Order is what a client sends to POST /orders.
type Order struct {
	Item     string `json:"item"`
	Quantity int    `json:"quantity"`
	Note     string `json:"note,omitempty"`
}

// CreateOrder answers POST /orders: 201 with the order it read, 413 for a
// body over the limit, 400 for any other bad body.
func CreateOrder(w http.ResponseWriter, r *http.Request) {
	var o Order
	if err := decodeJSON(w, r, &o); err != nil {
		status := http.StatusBadRequest
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		// A client's own mistake may be explained to it.
		writeJSON(w, status, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusCreated, o)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
