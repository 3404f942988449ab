// Package payments creates payments over HTTP, exactly once per
// Idempotency-Key however often a client retries.
package payments

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
)

// Charger charges a card: the call that must never happen twice for one
// payment.
type Charger interface {
	Charge(ctx context.Context, card string, amount int64) (id string, err error)
}

// request is the body of POST /payments.
type request struct {
	Card   string `json:"card"`
	Amount int64  `json:"amount"`
}

// response is the body of a created payment.
type response struct {
	ID     string `json:"id"`
	Card   string `json:"card"`
	Amount int64  `json:"amount"`
}

// entry is what the handler knows of one key: the request it was first
// used with and, once the payment is made, the answer to replay.
type entry struct {
	req  request
	body []byte // nil while the first request is still running
}

type handler struct {
	charger Charger
	mu      sync.Mutex
	keys    map[string]*entry
}

// NewHandler returns the handler of POST /payments. See the exercise text.
func NewHandler(c Charger) http.Handler {
	return &handler{charger: c, keys: map[string]*entry{}}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		http.Error(w, "missing Idempotency-Key", http.StatusBadRequest)
		return
	}
	var req request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Card == "" || req.Amount <= 0 {
		http.Error(w, "want a JSON body with a card and a positive amount", http.StatusBadRequest)
		return
	}

	// Look the key up and claim it in one critical section: two requests
	// with the same key can never both find it free.
	h.mu.Lock()
	e, seen := h.keys[key]
	if !seen {
		e = &entry{req: req}
		h.keys[key] = e
	}
	var replay []byte
	if seen {
		replay = e.body
	}
	h.mu.Unlock()

	switch {
	case seen && e.req != req:
		http.Error(w, "Idempotency-Key already used with another request", http.StatusUnprocessableEntity)
		return
	case seen && replay == nil:
		http.Error(w, "a request with this Idempotency-Key is in progress", http.StatusConflict)
		return
	case seen:
		writeCreated(w, replay)
		return
	}

	// The charge runs without the lock: other keys do not wait for it.
	id, err := h.charger.Charge(r.Context(), req.Card, req.Amount)
	if err != nil {
		// Nothing was charged: give the key back so that a retry can
		// succeed.
		h.mu.Lock()
		delete(h.keys, key)
		h.mu.Unlock()
		http.Error(w, "the payment could not be made", http.StatusBadGateway)
		return
	}
	body, err := json.Marshal(response{ID: id, Card: req.Card, Amount: req.Amount})
	if err != nil {
		panic(err) // a struct of strings and ints always marshals
	}
	h.mu.Lock()
	e.body = body
	h.mu.Unlock()
	writeCreated(w, body)
}

func writeCreated(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	w.Write(body)
}
