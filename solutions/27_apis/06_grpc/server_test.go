package inventory

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	pb "backendlings/exercises/27_apis/06_grpc/inventorypb"
)

// testWarehouse confirms at once, or fails with err, or (slow) waits until
// ctx ends or an hour has passed.
type testWarehouse struct {
	err  error
	slow bool

	mu    sync.Mutex
	calls int
	ctxs  []context.Context
}

func (w *testWarehouse) Confirm(ctx context.Context, sku string, quantity int32) error {
	w.mu.Lock()
	w.calls++
	w.ctxs = append(w.ctxs, ctx)
	w.mu.Unlock()
	if w.slow {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Hour):
			return nil
		}
	}
	return w.err
}

// seen returns how many calls the warehouse had, and their contexts.
func (w *testWarehouse) seen() (int, []context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.calls, w.ctxs
}

func testItems() []*pb.Item {
	return []*pb.Item{
		{Sku: "pen", Name: "Ballpoint pen", Stock: 10},
		{Sku: "ink", Name: "Ink bottle", Stock: 2},
	}
}

// testClient serves srv over an in-memory connection and returns a client.
func testClient(t *testing.T, srv pb.InventoryServer) pb.InventoryClient {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	gs := grpc.NewServer()
	pb.RegisterInventoryServer(gs, srv)
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
	return pb.NewInventoryClient(conn)
}

// testCode describes an error by its status code.
func testCode(err error) string {
	if err == nil {
		return "no error"
	}
	st, _ := status.FromError(err)
	return fmt.Sprintf("code %v (%q)", st.Code(), st.Message())
}

// testStock reads an item's stock through the client.
func testStock(t *testing.T, c pb.InventoryClient, sku string) int32 {
	t.Helper()
	it, err := c.GetItem(context.Background(), &pb.GetItemRequest{Sku: sku})
	if err != nil {
		t.Fatalf("GetItem(%q) = %s, want the item", sku, testCode(err))
	}
	return it.GetStock()
}

func TestGetItem(t *testing.T) {
	c := testClient(t, NewServer(testItems(), &testWarehouse{}))
	it, err := c.GetItem(context.Background(), &pb.GetItemRequest{Sku: "pen"})
	if err != nil {
		t.Fatalf("GetItem(pen) = %s, want the item", testCode(err))
	}
	if it.GetSku() != "pen" || it.GetName() != "Ballpoint pen" || it.GetStock() != 10 {
		t.Errorf("GetItem(pen) = {sku %q, name %q, stock %d}, want {sku \"pen\", name \"Ballpoint pen\", stock 10}", it.GetSku(), it.GetName(), it.GetStock())
	}
	for _, c2 := range []struct {
		sku  string
		want codes.Code
	}{
		{"pencil", codes.NotFound},
		{"", codes.InvalidArgument},
	} {
		t.Run(fmt.Sprintf("sku %q", c2.sku), func(t *testing.T) {
			_, err := c.GetItem(context.Background(), &pb.GetItemRequest{Sku: c2.sku})
			if status.Code(err) != c2.want {
				t.Errorf("GetItem(%q) = %s, want code %v", c2.sku, testCode(err), c2.want)
			}
		})
	}
}

func TestReserve(t *testing.T) {
	w := &testWarehouse{}
	c := testClient(t, NewServer(testItems(), w))
	res, err := c.Reserve(context.Background(), &pb.ReserveRequest{Sku: "pen", Quantity: 3})
	if err != nil || res.GetRemaining() != 7 {
		t.Fatalf("Reserve(pen, 3) of 10 = %v, %s; want remaining 7 and no error", res, testCode(err))
	}
	if got := testStock(t, c, "pen"); got != 7 {
		t.Errorf("after Reserve(pen, 3) of 10, stock %d, want 7", got)
	}
	for _, r := range []struct {
		name     string
		sku      string
		quantity int32
		want     codes.Code
	}{
		{"unknown sku", "pencil", 1, codes.NotFound},
		{"no sku", "", 1, codes.InvalidArgument},
		{"zero quantity", "pen", 0, codes.InvalidArgument},
		{"negative quantity", "pen", -2, codes.InvalidArgument},
		{"more than in stock", "ink", 3, codes.FailedPrecondition},
	} {
		t.Run(r.name, func(t *testing.T) {
			before, _ := w.seen()
			_, err := c.Reserve(context.Background(), &pb.ReserveRequest{Sku: r.sku, Quantity: r.quantity})
			if status.Code(err) != r.want {
				t.Errorf("Reserve(%q, %d) = %s, want code %v", r.sku, r.quantity, testCode(err), r.want)
			}
			if after, _ := w.seen(); after != before {
				t.Errorf("Reserve(%q, %d) asked the warehouse to confirm, want a refused request to reserve nothing", r.sku, r.quantity)
			}
		})
	}
	if got := testStock(t, c, "ink"); got != 2 {
		t.Errorf("after a refused Reserve(ink, 3) of 2, stock %d, want 2", got)
	}
}

func TestWarehouseFails(t *testing.T) {
	c := testClient(t, NewServer(testItems(), &testWarehouse{err: errors.New("warehouse: connection refused")}))
	_, err := c.Reserve(context.Background(), &pb.ReserveRequest{Sku: "pen", Quantity: 4})
	if status.Code(err) != codes.Unavailable {
		t.Errorf("Reserve(pen, 4), the warehouse fails: %s, want code Unavailable", testCode(err))
	}
	if err != nil && strings.Contains(status.Convert(err).Message(), "connection refused") {
		t.Errorf("Reserve(pen, 4), the warehouse fails: message %q, want no internal detail of the warehouse's error", status.Convert(err).Message())
	}
	if got := testStock(t, c, "pen"); got != 10 {
		t.Errorf("after Reserve(pen, 4) of 10 failed in the warehouse, stock %d, want 10 (given back)", got)
	}
}

// TestReserveDeadline calls the server's method directly, in fake time,
// with a context that ends after 100ms while the warehouse is slow.
func TestReserveDeadline(t *testing.T) {
	for _, c := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want codes.Code
	}{
		{"deadline after 100ms", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 100*time.Millisecond)
		}, codes.DeadlineExceeded},
		{"cancelled after 100ms", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			return ctx, cancel
		}, codes.Canceled},
	} {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := NewServer(testItems(), &testWarehouse{slow: true})
				ctx, cancel := c.ctx()
				defer cancel()
				start := time.Now()
				_, err := srv.Reserve(ctx, &pb.ReserveRequest{Sku: "pen", Quantity: 4})
				if took := time.Since(start); took != 100*time.Millisecond {
					t.Errorf("Reserve(pen, 4), ctx %s, a slow warehouse: returned after %v, want 100ms (give the warehouse the call's ctx)", c.name, took)
				}
				if status.Code(err) != c.want {
					t.Errorf("Reserve(pen, 4), ctx %s, a slow warehouse: %s, want code %v", c.name, testCode(err), c.want)
				}
				it, _ := srv.GetItem(context.Background(), &pb.GetItemRequest{Sku: "pen"})
				if it.GetStock() != 10 {
					t.Errorf("after Reserve(pen, 4) of 10 gave up, stock %d, want 10 (given back)", it.GetStock())
				}
			})
		})
	}
}

// TestDeadlineReachesServer checks, over a connection, that the client's
// deadline arrives in the warehouse's context.
func TestDeadlineReachesServer(t *testing.T) {
	w := &testWarehouse{}
	c := testClient(t, NewServer(testItems(), w))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := c.Reserve(ctx, &pb.ReserveRequest{Sku: "pen", Quantity: 1}); err != nil {
		t.Fatalf("Reserve(pen, 1) = %s, want no error", testCode(err))
	}
	_, ctxs := w.seen()
	if len(ctxs) != 1 {
		t.Fatalf("Reserve(pen, 1): the warehouse was asked %d times, want once", len(ctxs))
	}
	if _, ok := ctxs[0].Deadline(); !ok {
		t.Errorf("a client called Reserve with a deadline of 1 minute: the warehouse's context had no deadline, want the call's")
	}
}

func TestConcurrentReserves(t *testing.T) {
	srv := NewServer(testItems(), &testWarehouse{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[codes.Code]int{}
	for range 25 {
		wg.Go(func() {
			_, err := srv.Reserve(context.Background(), &pb.ReserveRequest{Sku: "pen", Quantity: 1})
			mu.Lock()
			got[status.Code(err)]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if got[codes.OK] != 10 || got[codes.FailedPrecondition] != 15 {
		t.Errorf("25 concurrent Reserve(pen, 1) of 10: results %v, want 10 OK and 15 FailedPrecondition", got)
	}
}
