package payments

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble (fake time; goroutines still
// blocked when f returns are a leak) and turns its reports into failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when every request had been answered, a goroutine of the handler was still blocked")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: a request was never answered, and nothing could wake it (a waiter for a request that already finished?)")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testCharger takes 10ms per charge and fails the first fail calls.
type testCharger struct {
	mu    sync.Mutex
	fail  int
	calls []string // "card amount" of every call
}

func (c *testCharger) Charge(_ context.Context, card string, amount int64) (string, error) {
	c.mu.Lock()
	c.calls = append(c.calls, fmt.Sprintf("%s %d", card, amount))
	n := len(c.calls)
	c.mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	if n <= c.fail {
		return "", errors.New("card network unavailable")
	}
	return fmt.Sprintf("ch_%d", n), nil
}

func (c *testCharger) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.calls)
}

type testAnswer struct {
	status int
	body   string
}

func testPost(h http.Handler, key, body string) testAnswer {
	r := httptest.NewRequest(http.MethodPost, "/payments", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if key != "" {
		r.Header.Set("Idempotency-Key", key)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return testAnswer{w.Code, w.Body.String()}
}

const testBody = `{"card":"4242","amount":1500}`

// testCreated checks a 201 answer and its JSON body.
func testCreated(t *testing.T, what string, a testAnswer, card string, amount int64) {
	t.Helper()
	if a.status != http.StatusCreated {
		t.Fatalf("%s: status %d, want 201 Created", what, a.status)
	}
	var got struct {
		ID     string `json:"id"`
		Card   string `json:"card"`
		Amount int64  `json:"amount"`
	}
	if err := json.Unmarshal([]byte(a.body), &got); err != nil || got.ID == "" || got.Card != card || got.Amount != amount {
		t.Fatalf("%s: body %q, want JSON with a non-empty id, card %q and amount %d", what, a.body, card, amount)
	}
}

func TestValidation(t *testing.T) {
	for _, c := range []struct{ name, key, body string }{
		{"no Idempotency-Key", "", testBody},
		{"not JSON", "k1", `card=4242`},
		{"no card", "k1", `{"amount":1500}`},
		{"amount 0", "k1", `{"card":"4242","amount":0}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				ch := &testCharger{}
				a := testPost(NewHandler(ch), c.key, c.body)
				if a.status != http.StatusBadRequest {
					t.Errorf("POST %s with Idempotency-Key %q: status %d, want 400", c.body, c.key, a.status)
				}
				if n := ch.count(); n != 0 {
					t.Errorf("POST %s with Idempotency-Key %q: Charge was called %d times, want 0", c.body, c.key, n)
				}
			})
		})
	}
}

func TestCreate(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ch := &testCharger{}
		a := testPost(NewHandler(ch), "k1", testBody)
		testCreated(t, "POST "+testBody, a, "4242", 1500)
		if n := ch.count(); n != 1 {
			t.Errorf("POST %s: Charge was called %d times, want once", testBody, n)
		}
	})
}

// TestRetrySameKey sends the same request again, as a client does when it
// did not get the first answer.
func TestRetrySameKey(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ch := &testCharger{}
		h := NewHandler(ch)
		first := testPost(h, "k1", testBody)
		testCreated(t, "first POST with key k1", first, "4242", 1500)
		for i := range 3 {
			again := testPost(h, "k1", testBody)
			if again != first {
				t.Errorf("retry %d with key k1 and the same body: got %d %q, want the first answer again, %d %q", i+1, again.status, again.body, first.status, first.body)
			}
		}
		if n := ch.count(); n != 1 {
			t.Errorf("one request and 3 retries with key k1: Charge was called %d times, want once", n)
		}
		other := testPost(h, "k2", testBody)
		testCreated(t, "the same body with another key, k2", other, "4242", 1500)
		if other.body == first.body {
			t.Errorf("key k2 got the answer of key k1, %q: another key is another payment", other.body)
		}
		if n := ch.count(); n != 2 {
			t.Errorf("keys k1 (with retries) and k2: Charge was called %d times, want twice", n)
		}
	})
}

// TestKeyReuse sends another request with a key already used.
func TestKeyReuse(t *testing.T) {
	for _, body := range []string{`{"card":"4242","amount":9900}`, `{"card":"5555","amount":1500}`} {
		t.Run(body, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				ch := &testCharger{}
				h := NewHandler(ch)
				testCreated(t, "first POST with key k1", testPost(h, "k1", testBody), "4242", 1500)
				a := testPost(h, "k1", body)
				if a.status != http.StatusUnprocessableEntity {
					t.Errorf("key k1 used for %s, then for %s: status %d, want 422", testBody, body, a.status)
				}
				if n := ch.count(); n != 1 {
					t.Errorf("key k1 used for %s, then for %s: Charge was called %d times, want once", testBody, body, n)
				}
			})
		})
	}
}

// TestChargeFails lets the first charge fail: nothing was charged, so a
// retry with the same key must be able to succeed.
func TestChargeFails(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ch := &testCharger{fail: 1}
		h := NewHandler(ch)
		if a := testPost(h, "k1", testBody); a.status != http.StatusBadGateway {
			t.Errorf("Charge failed: status %d, want 502", a.status)
		}
		testCreated(t, "the retry with key k1 after Charge failed", testPost(h, "k1", testBody), "4242", 1500)
		if n := ch.count(); n != 2 {
			t.Errorf("Charge failed, then the client retried with the same key: Charge was called %d times, want twice", n)
		}
	})
}

// testGate is a Charger whose calls block until the test opens the gate (or
// a generous real-time limit passes: then they fail). started receives a
// value at the start of every call.
type testGate struct {
	open    chan struct{}
	started chan struct{}
	mu      sync.Mutex
	calls   int
}

func testNewGate() *testGate {
	return &testGate{open: make(chan struct{}), started: make(chan struct{}, 100)}
}

func (g *testGate) Charge(_ context.Context, card string, amount int64) (string, error) {
	g.mu.Lock()
	g.calls++
	n := g.calls
	g.mu.Unlock()
	g.started <- struct{}{}
	select {
	case <-g.open:
		return fmt.Sprintf("ch_%d", n), nil
	case <-time.After(10 * time.Second):
		return "", errors.New("gate never opened")
	}
}

func (g *testGate) count() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.calls
}

// TestConcurrentSameKey sends 10 identical requests at once, as impatient
// clients and proxies do, while the first charge is held open. (Real time,
// not synctest: a request blocked on a sync.Mutex would stop fake time.)
func TestConcurrentSameKey(t *testing.T) {
	g := testNewGate()
	h := NewHandler(g)
	answers := make([]testAnswer, 10)
	returned := make(chan struct{}, 10)
	var wg sync.WaitGroup
	for i := range answers {
		wg.Go(func() {
			answers[i] = testPost(h, "k1", testBody)
			returned <- struct{}{}
		})
	}
	// Hold the first charge open until the 9 other requests have answered
	// (409), or a second charge has started, or 2s have passed (requests
	// that wait for the first one).
	<-g.started
	settled := 0
	limit := time.After(2 * time.Second)
wait:
	for settled < 9 {
		select {
		case <-returned:
			settled++
		case <-g.started:
			break wait
		case <-limit:
			break wait
		}
	}
	close(g.open)
	wg.Wait()
	if n := g.count(); n != 1 {
		t.Errorf("10 requests with key k1 at once: Charge was called %d times, want once", n)
	}
	var created []testAnswer
	for _, a := range answers {
		switch a.status {
		case http.StatusCreated:
			created = append(created, a)
		case http.StatusConflict:
		default:
			t.Errorf("10 requests with key k1 at once: one got status %d, want 201 or 409", a.status)
		}
	}
	if len(created) == 0 {
		t.Fatalf("10 requests with key k1 at once: none got 201, want at least one")
	}
	for _, a := range created[1:] {
		if a != created[0] {
			t.Errorf("10 requests with key k1 at once: two 201 answers differ, %q and %q; want the same answer", created[0].body, a.body)
		}
	}
}

// TestKeysIndependent sends 5 requests with different keys at once: all 5
// charges must be running at the same time. (Real time, not synctest.)
func TestKeysIndependent(t *testing.T) {
	g := testNewGate()
	h := NewHandler(g)
	var wg sync.WaitGroup
	answers := make([]testAnswer, 5)
	for i := range answers {
		wg.Go(func() { answers[i] = testPost(h, fmt.Sprintf("key-%d", i), testBody) })
	}
	running := 0
	limit := time.After(5 * time.Second)
wait:
	for running < 5 {
		select {
		case <-g.started:
			running++
		case <-limit:
			break wait
		}
	}
	close(g.open)
	wg.Wait()
	if running < 5 {
		t.Errorf("5 requests with different keys at once, each charge held open: only %d charges were running after 5s, want all 5 at once (a request must not wait for the charge of another key)", running)
	}
	for i, a := range answers {
		if running == 5 && a.status != http.StatusCreated {
			t.Errorf("request with key key-%d: status %d, want 201", i, a.status)
		}
	}
}
