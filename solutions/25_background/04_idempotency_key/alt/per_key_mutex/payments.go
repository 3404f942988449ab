// Alternative: a sync.Map from key to a record with its own mutex. The
// request that creates the record (LoadOrStore) holds that mutex while it
// charges; a duplicate that finds it locked (TryLock) gets 409. Requests
// are told apart by the SHA-256 of their decoded card and amount.
package payments

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// Charger charges a card: the call that must never happen twice for one
// payment.
type Charger interface {
	Charge(ctx context.Context, card string, amount int64) (id string, err error)
}

type record struct {
	mu          sync.Mutex
	fingerprint [32]byte
	answer      []byte // set under mu once the charge succeeded
}

type handler struct {
	charger Charger
	records sync.Map // Idempotency-Key -> *record
}

// NewHandler returns the handler of POST /payments described above.
func NewHandler(c Charger) http.Handler {
	return &handler{charger: c}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	if key == "" {
		http.Error(w, "Idempotency-Key required", http.StatusBadRequest)
		return
	}
	var in struct {
		Card   string `json:"card"`
		Amount int64  `json:"amount"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Card == "" || in.Amount < 1 {
		http.Error(w, "invalid payment", http.StatusBadRequest)
		return
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%d\x00%s", in.Amount, in.Card))

	fresh := &record{fingerprint: sum}
	fresh.mu.Lock()
	v, loaded := h.records.LoadOrStore(key, fresh)
	rec := v.(*record)
	if loaded {
		fresh.mu.Unlock()
		if rec.fingerprint != sum {
			http.Error(w, "Idempotency-Key reused with another payment", http.StatusUnprocessableEntity)
			return
		}
		if !rec.mu.TryLock() {
			http.Error(w, "payment in progress", http.StatusConflict)
			return
		}
		answer := rec.answer
		rec.mu.Unlock()
		if answer == nil { // its charge failed and the key is being released
			http.Error(w, "payment in progress", http.StatusConflict)
			return
		}
		reply(w, answer)
		return
	}

	defer rec.mu.Unlock()
	id, err := h.charger.Charge(r.Context(), in.Card, in.Amount)
	if err != nil {
		h.records.Delete(key)
		http.Error(w, "charge failed", http.StatusBadGateway)
		return
	}
	rec.answer = fmt.Appendf(nil, `{"id":%q,"card":%q,"amount":%d}`, id, in.Card, in.Amount)
	reply(w, rec.answer)
}

func reply(w http.ResponseWriter, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	w.Write(body)
}
