// Make POST /payments idempotent: a client that retries with the same
// Idempotency-Key must never be charged twice, and must get the same
// answer again. As shipped, every request charges the card. You are done
// when the hidden tests pass (they run with the race detector).
//
// NewHandler returns the handler of POST /payments. The body is JSON,
// {"card": "4242", "amount": 1500}.
//   - No Idempotency-Key header, a body that is not such JSON, an empty
//     card or an amount below 1: 400 Bad Request, and no charge.
//   - The first request with a key calls Charge once. On success it answers
//     201 Created with the JSON {"id": <the charge's id>, "card": ..,
//     "amount": ..}. When Charge fails it answers 502 Bad Gateway, and the
//     key is forgotten: nothing was charged, so a retry may try again.
//   - A later request with the same key and the same card and amount gets
//     the same status and the same body as the first, without a charge.
//   - The same key with another card or amount: 422 Unprocessable Entity,
//     and no charge.
//   - While the first request with a key is still charging, another with
//     the same key either waits for it and then gets its answer, or gets
//     409 Conflict at once. Charge is never called twice for one key.
//   - Requests with different keys never wait for each other's charge.
package payments

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Charger charges a card: the call that must never happen twice for one
// payment.
type Charger interface {
	Charge(ctx context.Context, card string, amount int64) (id string, err error)
}

type handler struct {
	charger Charger
	// TODO: remember each key, its request and its answer.
}

// NewHandler returns the handler of POST /payments described above.
func NewHandler(c Charger) http.Handler {
	return &handler{charger: c}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	var req struct {
		Card   string `json:"card"`
		Amount int64  `json:"amount"`
	}
	err := json.NewDecoder(r.Body).Decode(&req)
	if key == "" || err != nil || req.Card == "" || req.Amount < 1 {
		http.Error(w, "want an Idempotency-Key and a JSON body with a card and an amount", http.StatusBadRequest)
		return
	}
	// TODO: what do we know of key already?
	id, err := h.charger.Charge(r.Context(), req.Card, req.Amount)
	if err != nil {
		http.Error(w, "the payment could not be made", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, `{"id":%q,"card":%q,"amount":%d}`, id, req.Card, req.Amount)
}
