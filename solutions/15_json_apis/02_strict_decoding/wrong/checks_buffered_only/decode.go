// Wrong: after Decode, checks only what the decoder has already buffered;
// data after the buffer (more spaces, then a second value) is never read.
// decodeJSON reads a request body as it is, and the handler trusts it. Make
// it strict: a body larger than MaxBodyBytes must fail with an error that
// wraps *http.MaxBytesError (the handler turns it into 413); malformed JSON,
// wrong types, unknown fields, an empty body and anything after the first
// JSON value must fail too (400). Trailing spaces and newlines are fine.
package orders

import (
	"bytes"
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
	// MaxBytesReader fails reads past the limit with *http.MaxBytesError
	// (and tells the server to close the connection after the answer).
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("the body is empty: send a JSON object")
		}
		return fmt.Errorf("decoding the body: %w", err)
	}
	// Only spaces may follow the object.
	rest, _ := io.ReadAll(dec.Buffered())
	if len(bytes.TrimSpace(rest)) > 0 {
		return errors.New("the body must hold a single JSON object")
	}
	return nil
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
