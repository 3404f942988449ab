package interceptors

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
)

// testRecords is a slog.Handler that keeps every record.
type testRecords struct {
	mu      sync.Mutex
	records []slog.Record
}

func (h *testRecords) Enabled(context.Context, slog.Level) bool { return true }
func (h *testRecords) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *testRecords) WithGroup(string) slog.Handler            { return h }
func (h *testRecords) Handle(_ context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.records = append(h.records, r.Clone())
	return nil
}

func (h *testRecords) all() []slog.Record {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]slog.Record(nil), h.records...)
}

// testHealth is the service behind the interceptors: it records the calls
// that reach it and the user their context carries. The service "missing"
// is not found.
type testHealth struct {
	healthpb.UnimplementedHealthServer
	mu    sync.Mutex
	calls int
	users []string
}

func (s *testHealth) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	user, _ := UserFrom(ctx)
	s.mu.Lock()
	s.calls++
	s.users = append(s.users, user)
	s.mu.Unlock()
	if req.GetService() == "missing" {
		return nil, status.Error(codes.NotFound, "unknown service")
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

func (s *testHealth) seen() (int, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls, append([]string(nil), s.users...)
}

var testUsers = map[string]string{"t0ken-ada": "ada", "t0ken-bob": "bob"}

// testServer starts a server with the interceptors given, and returns a
// client of it.
func testServer(t *testing.T, svc *testHealth, ics ...grpc.UnaryServerInterceptor) healthpb.HealthClient {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	gs := grpc.NewServer(grpc.ChainUnaryInterceptor(ics...))
	healthpb.RegisterHealthServer(gs, svc)
	go gs.Serve(lis)
	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			return lis.DialContext(ctx)
		}),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		gs.Stop()
	})
	return healthpb.NewHealthClient(conn)
}

// testCall calls Check with the metadata pairs given ("key", "value", ...).
func testCall(c healthpb.HealthClient, service string, pairs ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ctx = metadata.AppendToOutgoingContext(ctx, pairs...)
	_, err := c.Check(ctx, &healthpb.HealthCheckRequest{Service: service})
	return err
}

func testCode(err error) string {
	if err == nil {
		return "no error"
	}
	return fmt.Sprintf("code %v (%q)", status.Code(err), status.Convert(err).Message())
}

func TestAuthLetsValidTokensIn(t *testing.T) {
	svc := &testHealth{}
	c := testServer(t, svc, Auth(testUsers))
	for _, tok := range []string{"t0ken-ada", "t0ken-bob"} {
		if err := testCall(c, "orders", "authorization", "Bearer "+tok); err != nil {
			t.Errorf("Check with authorization \"Bearer %s\" = %s, want no error", tok, testCode(err))
		}
	}
	if _, users := svc.seen(); fmt.Sprint(users) != "[ada bob]" {
		t.Errorf("two calls with the tokens of ada and bob: UserFrom in the handler gave %q, want [\"ada\" \"bob\"]", users)
	}
}

func TestAuthRejects(t *testing.T) {
	for _, c := range []struct {
		name  string
		pairs []string
	}{
		{"no metadata", nil},
		{"unknown token", []string{"authorization", "Bearer t0ken-eve"}},
		{"token without Bearer", []string{"authorization", "t0ken-ada"}},
		{"empty token", []string{"authorization", "Bearer "}},
		{"other scheme", []string{"authorization", "Basic t0ken-ada"}},
		{"token under another key", []string{"x-token", "Bearer t0ken-ada"}},
		{"two tokens", []string{"authorization", "Bearer t0ken-eve", "authorization", "Bearer t0ken-ada"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			svc := &testHealth{}
			client := testServer(t, svc, Auth(testUsers))
			err := testCall(client, "orders", c.pairs...)
			if status.Code(err) != codes.Unauthenticated {
				t.Errorf("Check with metadata %q = %s, want code Unauthenticated", c.pairs, testCode(err))
			}
			if n, _ := svc.seen(); n != 0 {
				t.Errorf("Check with metadata %q: the handler ran, want the call stopped before it", c.pairs)
			}
		})
	}
}

func TestUserFromWithoutAuth(t *testing.T) {
	if user, ok := UserFrom(context.Background()); ok || user != "" {
		t.Errorf("UserFrom(context.Background()) = %q, %v; want \"\", false", user, ok)
	}
}

// testAttrs returns a record's attributes by key.
func testAttrs(r slog.Record) map[string]slog.Value {
	m := map[string]slog.Value{}
	r.Attrs(func(a slog.Attr) bool {
		m[a.Key] = a.Value.Resolve()
		return true
	})
	return m
}

func TestLogging(t *testing.T) {
	rec := &testRecords{}
	svc := &testHealth{}
	c := testServer(t, svc, Logging(slog.New(rec)), Auth(testUsers))
	calls := []struct {
		service string
		pairs   []string
		code    string
	}{
		{"orders", []string{"authorization", "Bearer t0ken-ada"}, "OK"},
		{"missing", []string{"authorization", "Bearer t0ken-ada"}, "NotFound"},
		{"orders", nil, "Unauthenticated"},
	}
	for _, call := range calls {
		testCall(c, call.service, call.pairs...)
	}
	records := rec.all()
	if len(records) != len(calls) {
		t.Fatalf("%d calls logged %d records, want one per call", len(calls), len(records))
	}
	for i, r := range records {
		a := testAttrs(r)
		want := calls[i].code
		if r.Message != "rpc" || r.Level != slog.LevelInfo {
			t.Errorf("call %d: record %s %q, want level INFO, message \"rpc\"", i+1, r.Level, r.Message)
		}
		if m := a["method"]; m.String() != "/grpc.health.v1.Health/Check" {
			t.Errorf("call %d: method = %q, want \"/grpc.health.v1.Health/Check\"", i+1, m.String())
		}
		if code := a["code"]; code.Kind() != slog.KindString || code.String() != want {
			t.Errorf("call %d (it ended with %s): code = %v, want the string %q", i+1, want, code, want)
		}
		if d := a["duration"]; d.Kind() != slog.KindDuration {
			t.Errorf("call %d: duration = %v (kind %v), want a time.Duration", i+1, d, d.Kind())
		}
	}
}
