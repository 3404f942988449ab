package jsonapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"time"
)

// ANCHOR: tags
// Product as stored; the tags decide how it looks on the wire.
type Product struct {
	SKU       string    `json:"sku"`
	Name      string    `json:"name"`
	PriceCent int64     `json:"price_cents"`
	Discount  int       `json:"discount_percent,omitempty"` // left out when 0
	CostCent  int64     `json:"-"`                          // internal: never in or out
	Tags      []string  `json:"tags"`
	Updated   time.Time `json:"updated_at"`
	note      string    // unexported: encoding/json cannot see it
}

func ExampleProduct() {
	p := Product{SKU: "MUG-1", Name: "Mug", PriceCent: 1200, CostCent: 310,
		Updated: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC), note: "fragile"}
	b, _ := json.MarshalIndent(p, "", "  ")
	fmt.Println(string(b))

	var in Product
	json.Unmarshal([]byte(`{"sku":"X","cost_cents":1,"CostCent":1,"tags":["a"]}`), &in)
	fmt.Println(in.SKU, in.CostCent, in.Tags)
	// Output:
	// {
	//   "sku": "MUG-1",
	//   "name": "Mug",
	//   "price_cents": 1200,
	//   "tags": null,
	//   "updated_at": "2025-03-01T12:00:00Z"
	// }
	// X 0 [a]
}

// ANCHOR_END: tags

// ANCHOR: nil-slice
func Example_nilSlice() {
	var none []string
	empty := []string{}
	a, _ := json.Marshal(none)
	b, _ := json.Marshal(empty)
	fmt.Println(string(a), string(b))
	// Output: null []
}

// ANCHOR_END: nil-slice

// ANCHOR: decode
// readConfig decodes exactly one JSON object of at most 1 KiB, strictly.
func readConfig(w http.ResponseWriter, r *http.Request, dst any) error {
	r.Body = http.MaxBytesReader(w, r.Body, 1024)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	// Exactly one value: what follows it must be the end of the body.
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return errors.New("decode: more than one JSON value")
	}
	return nil
}

func Example_strictDecoding() {
	type Config struct {
		Workers int  `json:"workers"`
		Debug   bool `json:"debug"`
	}
	for _, body := range []string{
		`{"workers": 4}`,
		`{"workers": 4, "debgu": true}`,
		`[{"workers": 4}]`,
		`{"workers": 4} {"workers": 5}`,
		`{"workers": 4, "pad": "` + strings.Repeat("x", 2000) + `"}`,
	} {
		var c Config
		req := httptest.NewRequest("POST", "/config", strings.NewReader(body))
		err := readConfig(httptest.NewRecorder(), req, &c)
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			fmt.Println("413: body over", tooBig.Limit, "bytes")
		case err != nil:
			fmt.Println("400:", err)
		default:
			fmt.Printf("ok: %+v\n", c)
		}
	}
	// Output:
	// ok: {Workers:4 Debug:false}
	// 400: decode: json: unknown field "debgu"
	// 400: decode: json: cannot unmarshal array into Go value of type jsonapi.Config
	// 400: decode: more than one JSON value
	// 413: body over 1024 bytes
}

// ANCHOR_END: decode

// ANCHOR: validate
type Booking struct {
	Room   string `json:"room"`
	Nights int    `json:"nights"`
	Guests int    `json:"guests"`
}

// Problems lists every broken rule, by JSON field name.
func (b Booking) Problems() map[string]string {
	p := map[string]string{}
	if strings.TrimSpace(b.Room) == "" {
		p["room"] = "is required"
	}
	if b.Nights < 1 || b.Nights > 30 {
		p["nights"] = "must be from 1 to 30"
	}
	if b.Guests < 1 {
		p["guests"] = "must be at least 1"
	}
	return p
}

func ExampleBooking_Problems() {
	b := Booking{Room: "", Nights: 45, Guests: 2}
	out, _ := json.Marshal(map[string]any{"errors": b.Problems()})
	fmt.Println(string(out)) // maps are encoded with sorted keys
	// Output: {"errors":{"nights":"must be from 1 to 30","room":"is required"}}
}

// ANCHOR_END: validate

// ANCHOR: safe-errors
var ErrNoSuchOrder = errors.New("no such order")

// orderStatus answers for one order. Its store fails in two ways: the
// order is not there (the client's business), or the store is broken (ours).
func orderStatus(
	logger *slog.Logger,
	lookup func(id string) (string, error),
) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		status, err := lookup(r.PathValue("id"))
		switch {
		case errors.Is(err, ErrNoSuchOrder):
			http.Error(w, `{"error":"order not found"}`, http.StatusNotFound)
		case err != nil:
			logger.Error("order status", "id", r.PathValue("id"), "err", err)
			http.Error(w, `{"error":"internal error"}`, http.StatusInternalServerError)
		default:
			fmt.Fprintf(w, `{"status":%q}`+"\n", status)
		}
	}
}

func Example_safeErrors() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // no time, so that the output is stable
			}
			return a
		},
	}))
	lookup := func(id string) (string, error) {
		if id == "7" {
			return "", errors.New("dial tcp redis:6379: connection refused")
		}
		return "", fmt.Errorf("order %s: %w", id, ErrNoSuchOrder)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /orders/{id}", orderStatus(logger, lookup))
	for _, path := range []string{"/orders/7", "/orders/8"} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		fmt.Print(rec.Code, " ", rec.Body.String())
	}
	// Output:
	// level=ERROR msg="order status" id=7 err="dial tcp redis:6379: connection refused"
	// 500 {"error":"internal error"}
	// 404 {"error":"order not found"}
}

// ANCHOR_END: safe-errors

// ANCHOR: patch
// A PATCH body: every field optional. A nil pointer means "not sent",
// which a plain bool could not tell apart from "sent as false".
type ProductPatch struct {
	Name     *string `json:"name"`
	Discount *int    `json:"discount_percent"`
}

func Example_patch() {
	for _, body := range []string{`{"discount_percent": 0}`, `{"name": "Big mug"}`} {
		var p ProductPatch
		json.NewDecoder(strings.NewReader(body)).Decode(&p)
		fmt.Printf("name sent: %v, discount sent: %v\n",
			p.Name != nil, p.Discount != nil)
	}
	// Output:
	// name sent: false, discount sent: true
	// name sent: true, discount sent: false
}

// ANCHOR_END: patch
