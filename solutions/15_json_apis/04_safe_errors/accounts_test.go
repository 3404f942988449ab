package accounts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
)

type testCtxKey struct{}

// testFakeStore answers from a map, fails for the id "broken" the way a real
// database does, and records whether it got the request's context.
type testFakeStore struct {
	accounts  map[string]Account
	sawReqCtx bool
}

const testDbError = "sql: connection refused at 10.0.0.3:5432 (user billing)"

func (s *testFakeStore) Account(ctx context.Context, id string) (Account, error) {
	s.sawReqCtx = ctx.Value(testCtxKey{}) == "the request's context"
	if id == "broken" {
		return Account{}, fmt.Errorf("select balance from accounts where id=%q: %w", id, errors.New(testDbError))
	}
	acc, ok := s.accounts[id]
	if !ok {
		return Account{}, fmt.Errorf("select balance from accounts where id=%q: %w", id, ErrNotFound)
	}
	return acc, nil
}

func testGet(t *testing.T, path string) (rec *httptest.ResponseRecorder, logs string, store *testFakeStore) {
	t.Helper()
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	store = &testFakeStore{accounts: map[string]Account{"a1": {ID: "a1", Owner: "Ada", BalanceCents: 1250}}}
	h := NewHandler(store, logger)
	rec = httptest.NewRecorder()
	req := httptest.NewRequest("GET", path, nil)
	req = req.WithContext(context.WithValue(req.Context(), testCtxKey{}, "the request's context"))
	h.ServeHTTP(rec, req)
	return rec, buf.String(), store
}

func testErrorField(t *testing.T, path string, rec *httptest.ResponseRecorder) string {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("GET %s: Content-Type %q, want application/json", path, ct)
	}
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("GET %s: body %s is not a JSON object", path, strings.TrimSpace(rec.Body.String()))
	}
	s, _ := body["error"].(string)
	return s
}

func TestFound(t *testing.T) {
	rec, _, store := testGet(t, "/accounts/a1")
	if rec.Code != 200 {
		t.Fatalf("GET /accounts/a1: status %d, want 200 (body %s)", rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	var acc Account
	if err := json.Unmarshal(rec.Body.Bytes(), &acc); err != nil || acc != (Account{ID: "a1", Owner: "Ada", BalanceCents: 1250}) {
		t.Errorf("GET /accounts/a1: body %s, want the account a1", strings.TrimSpace(rec.Body.String()))
	}
	if !store.sawReqCtx {
		t.Errorf("GET /accounts/a1: the store was not called with the request's context: pass r.Context(), so that the store stops when the client goes away")
	}
}

func TestNotFound(t *testing.T) {
	rec, _, _ := testGet(t, "/accounts/zz")
	if rec.Code != 404 {
		if rec.Code == 500 {
			t.Fatalf("GET /accounts/zz: status 500, want 404: the store returned ErrNotFound wrapped (%q), and the handler did not recognise it (compare with errors.Is) (body %s)", "select balance from accounts where id=\"zz\": account not found", strings.TrimSpace(rec.Body.String()))
		}
		t.Fatalf("GET /accounts/zz: status %d, want 404 (body %s)", rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	if got := testErrorField(t, "/accounts/zz", rec); got != "account not found" {
		t.Errorf("GET /accounts/zz: error %q, want %q", got, "account not found")
	}
	if strings.Contains(rec.Body.String(), "select") {
		t.Errorf("GET /accounts/zz: body %s shows the store's query", strings.TrimSpace(rec.Body.String()))
	}
}

func TestInternalErrorLeaksNothing(t *testing.T) {
	rec, _, _ := testGet(t, "/accounts/broken")
	body := strings.TrimSpace(rec.Body.String())
	if rec.Code != 500 {
		t.Fatalf("GET /accounts/broken (the database fails): status %d, want 500 (body %s)", rec.Code, body)
	}
	for _, secret := range []string{"sql", "10.0.0.3", "5432", "billing", "select", "connection refused"} {
		if strings.Contains(body, secret) {
			t.Errorf("GET /accounts/broken: body %s contains %q: internal details must never reach the client", body, secret)
			break
		}
	}
	if got := testErrorField(t, "/accounts/broken", rec); got != "internal error" {
		t.Errorf("GET /accounts/broken: error %q, want %q", got, "internal error")
	}
}

func TestInternalErrorIsLogged(t *testing.T) {
	rec, logs, _ := testGet(t, "/accounts/broken")
	if rec.Code != 500 {
		t.Fatalf("GET /accounts/broken (the database fails): status %d, want 500", rec.Code)
	}
	found := false
	for line := range strings.Lines(logs) {
		var rec map[string]any
		if json.Unmarshal([]byte(line), &rec) != nil {
			continue
		}
		if rec["level"] == "ERROR" && strings.Contains(line, "10.0.0.3") {
			found = true
		}
	}
	if logs == "" {
		logs = "(nothing)"
	}
	if !found {
		t.Errorf("GET /accounts/broken: no ERROR log line with the store's error; the log has:\n%s\nlog it with logger.Error(...) (or ErrorContext) and \"err\", err", logs)
	}
}
