// Alternative: a duplicate that arrives while the first request is still
// charging waits for it (on a channel closed when it is done) and then
// answers what it answered, instead of 409; after a failed charge the key
// is released and a waiting duplicate starts over.
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

type payment struct {
	Card   string `json:"card"`
	Amount int64  `json:"amount"`
}

type attempt struct {
	payment payment
	done    chan struct{} // closed when the attempt has its outcome
	created []byte        // the 201 body; nil if the charge failed
}

type handler struct {
	charger  Charger
	mu       sync.Mutex
	attempts map[string]*attempt
}

// NewHandler returns the handler of POST /payments described above.
func NewHandler(c Charger) http.Handler {
	return &handler{charger: c, attempts: make(map[string]*attempt)}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	var p payment
	if json.NewDecoder(r.Body).Decode(&p) != nil || key == "" || p.Card == "" || p.Amount < 1 {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	for {
		h.mu.Lock()
		a, ok := h.attempts[key]
		if !ok {
			a = &attempt{payment: p, done: make(chan struct{})}
			h.attempts[key] = a
			h.mu.Unlock()
			h.pay(w, r, key, a)
			return
		}
		h.mu.Unlock()
		if a.payment != p {
			http.Error(w, "this key was used for another payment", http.StatusUnprocessableEntity)
			return
		}
		select {
		case <-a.done:
		case <-r.Context().Done():
			return
		}
		if a.created != nil {
			created(w, a.created)
			return
		}
		// The first attempt failed and released the key: try again.
	}
}

func (h *handler) pay(w http.ResponseWriter, r *http.Request, key string, a *attempt) {
	defer close(a.done)
	id, err := h.charger.Charge(r.Context(), a.payment.Card, a.payment.Amount)
	if err != nil {
		h.mu.Lock()
		delete(h.attempts, key)
		h.mu.Unlock()
		http.Error(w, "charge failed", http.StatusBadGateway)
		return
	}
	a.created, _ = json.Marshal(map[string]any{"id": id, "card": a.payment.Card, "amount": a.payment.Amount})
	created(w, a.created)
}

func created(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	w.Write(body)
}
