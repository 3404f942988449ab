package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// testFixedClock always says the same time.
type testFixedClock struct{ t time.Time }

func (c testFixedClock) Now() time.Time { return c.t }

// testFakeStore is a Store in a map, with errors on demand; it records saves.
type testFakeStore struct {
	subs    map[string]Subscription
	getErr  error
	saveErr error
	saved   []Subscription
}

func testNewFakeStore(subs ...Subscription) *testFakeStore {
	f := &testFakeStore{subs: map[string]Subscription{}}
	for _, s := range subs {
		f.subs[s.UserID] = s
	}
	return f
}

func (f *testFakeStore) Get(ctx context.Context, userID string) (Subscription, error) {
	if f.getErr != nil {
		return Subscription{}, f.getErr
	}
	s, ok := f.subs[userID]
	if !ok {
		return Subscription{}, ErrNotFound
	}
	return s, nil
}

func (f *testFakeStore) Save(ctx context.Context, s Subscription) error {
	if f.saveErr != nil {
		return f.saveErr
	}
	f.saved = append(f.saved, s)
	f.subs[s.UserID] = s
	return nil
}

var testNow = time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)

func testDay(m time.Month, d int) time.Time { return time.Date(2025, m, d, 12, 0, 0, 0, time.UTC) }

// testNewTestService builds the Service with fakes, the way main builds it
// with the real things; logs go to the returned buffer.
func testNewTestService(store Store) (*Service, *bytes.Buffer) {
	var logs bytes.Buffer
	return NewService(store, testFixedClock{testNow}, slog.New(slog.NewJSONHandler(&logs, nil))), &logs
}

func TestRenew(t *testing.T) {
	tests := []struct {
		name     string
		existing []Subscription
		want     Subscription
	}{
		{
			name:     "a running subscription is extended from its expiry",
			existing: []Subscription{{UserID: "ada", Plan: "pro", Expires: testDay(3, 20)}},
			want:     Subscription{UserID: "ada", Plan: "pro", Expires: testDay(4, 19)},
		},
		{
			name:     "an expired subscription starts again from now",
			existing: []Subscription{{UserID: "ada", Plan: "pro", Expires: testDay(1, 1)}},
			want:     Subscription{UserID: "ada", Plan: "pro", Expires: testDay(4, 9)},
		},
		{
			name:     "one that expires right now starts again from now",
			existing: []Subscription{{UserID: "ada", Plan: "pro", Expires: testNow}},
			want:     Subscription{UserID: "ada", Plan: "pro", Expires: testDay(4, 9)},
		},
		{
			name: "a user without a subscription gets the basic plan",
			want: Subscription{UserID: "ada", Plan: "basic", Expires: testDay(4, 9)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := testNewFakeStore(tt.existing...)
			svc, _ := testNewTestService(store)
			got, err := svc.Renew(context.Background(), "ada")
			if err != nil {
				t.Fatalf("Renew(ada) at %v: unexpected error %v", testNow, err)
			}
			if !got.Expires.Equal(tt.want.Expires) || got.Plan != tt.want.Plan || got.UserID != "ada" {
				hint := ""
				if !got.Expires.IsZero() && got.Expires.Year() != 2025 {
					hint = " (that is the real date: use the Clock given to NewService, not time.Now)"
				}
				t.Fatalf("Renew(ada) at %s, stored %s:\n got  %s%s\n want %s", testNow.Format(time.DateTime), testShowAll(tt.existing), testShow(got), hint, testShow(tt.want))
			}
			if len(store.saved) != 1 || !store.saved[0].Expires.Equal(tt.want.Expires) {
				t.Errorf("Renew(ada): the Store given to NewService got the saves %s, want one save of %s: use the store passed in, not a global one", testShowAll(store.saved), testShow(tt.want))
			}
		})
	}
}

func TestRenewLogsThroughTheGivenLogger(t *testing.T) {
	svc, logs := testNewTestService(testNewFakeStore())
	if _, err := svc.Renew(context.Background(), "grace"); err != nil {
		t.Fatalf("Renew(grace): %v", err)
	}
	var rec map[string]any
	line, _, _ := strings.Cut(logs.String(), "\n")
	if err := json.Unmarshal([]byte(line), &rec); err != nil {
		t.Fatalf("Renew(grace) wrote %q to the logger given to NewService, want a JSON line: log with that logger, not a global one", logs.String())
	}
	if rec["msg"] != "subscription renewed" || rec["user"] != "grace" || rec["expires"] != "2025-04-09T12:00:00Z" {
		t.Errorf("Renew(grace) logged %v, want msg \"subscription renewed\", user \"grace\", expires \"2025-04-09T12:00:00Z\"", rec)
	}
}

func TestHandlerLogsThroughTheGivenLogger(t *testing.T) {
	store := testNewFakeStore()
	store.getErr = errors.New("connection refused")
	svc, logs := testNewTestService(store)
	rec := httptest.NewRecorder()
	svc.Handler().ServeHTTP(rec, httptest.NewRequest("POST", "/subscriptions/ada/renew", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("POST /subscriptions/ada/renew while the store's Get fails: status %d, want 500", rec.Code)
	}
	if !strings.Contains(logs.String(), "connection refused") {
		t.Errorf("POST /subscriptions/ada/renew while the store's Get fails with \"connection refused\": the logger given to NewService received %q, want the error logged there", logs.String())
	}
}

func TestStoreErrors(t *testing.T) {
	down := errors.New("connection refused")

	store := testNewFakeStore(Subscription{UserID: "ada", Plan: "pro", Expires: testDay(3, 20)})
	store.getErr = down
	svc, _ := testNewTestService(store)
	if _, err := svc.Renew(context.Background(), "ada"); !errors.Is(err, down) {
		t.Errorf("Renew(ada) while the store's Get fails with %q: error %v, want one wrapping it", down, err)
	}
	if len(store.saved) != 0 {
		t.Errorf("Renew(ada) while the store's Get fails saved %s: a failing store is not a missing subscription (this would reset ada's pro plan to basic)", testShowAll(store.saved))
	}

	store = testNewFakeStore()
	store.saveErr = down
	svc, _ = testNewTestService(store)
	if _, err := svc.Renew(context.Background(), "ada"); !errors.Is(err, down) {
		t.Errorf("Renew(ada) while the store's Save fails with %q: error %v, want one wrapping it", down, err)
	}
}

func TestActive(t *testing.T) {
	tests := []struct {
		expires time.Time
		want    bool
	}{
		{testDay(3, 11), true},
		{testNow.Add(time.Second), true},
		{testNow, false},
		{testDay(3, 9), false},
	}
	for _, tt := range tests {
		svc, _ := testNewTestService(testNewFakeStore(Subscription{UserID: "ada", Plan: "pro", Expires: tt.expires}))
		got, err := svc.Active(context.Background(), "ada")
		if err != nil || got != tt.want {
			t.Errorf("Active(ada) at %s, expiring %s = %v, %v; want %v, nil (the Clock given to NewService says what time it is)", testNow.Format(time.DateTime), tt.expires.Format(time.DateTime), got, err, tt.want)
		}
	}
	svc, _ := testNewTestService(testNewFakeStore())
	if got, err := svc.Active(context.Background(), "nobody"); got || err != nil {
		t.Errorf("Active(nobody) without a subscription = %v, %v; want false, nil", got, err)
	}
}

func TestServicesDoNotShareState(t *testing.T) {
	a, b := testNewFakeStore(), testNewFakeStore()
	svcA, _ := testNewTestService(a)
	svcB, _ := testNewTestService(b)
	svcA.Renew(context.Background(), "ada")
	if _, ok := b.subs["ada"]; ok || len(a.subs) != 1 {
		t.Errorf("two Services with their own stores: renewing ada in the first left the stores %v and %v, want ada only in the first", a.subs, b.subs)
	}
	if active, _ := svcB.Active(context.Background(), "ada"); active {
		t.Errorf("two Services with their own stores: ada renewed in the first is active in the second")
	}
}

func testShow(s Subscription) string {
	return fmt.Sprintf("{%s %s until %s}", s.UserID, s.Plan, s.Expires.Format(time.DateTime))
}

func testShowAll(subs []Subscription) string {
	parts := make([]string, len(subs))
	for i, s := range subs {
		parts[i] = testShow(s)
	}
	return "[" + strings.Join(parts, " ") + "]"
}
