// The inventory service is defined in inventorypb/inventory.proto; the Go
// code beside it is generated (you never edit it). Server implements the
// service, and the happy path works. But its errors are plain Go errors,
// which gRPC sends to every client as codes.Unknown, and it asks the
// warehouse without the call's context, so a client's deadline never
// reaches it. Return status errors with the codes the comments below give
// (google.golang.org/grpc/status and codes), and pass the context on. The
// hidden tests call the service over an in-memory connection; you are done
// when every call gets the right code.
package inventory

import (
	"context"
	"errors"
	"fmt"
	"sync"

	pb "backendlings/exercises/27_apis/06_grpc/inventorypb"
)

// Warehouse is the system that really sets stock aside.
type Warehouse interface {
	// Confirm asks the warehouse to set quantity of sku aside. It may be
	// slow; when ctx ends first, it gives up and returns ctx.Err().
	Confirm(ctx context.Context, sku string, quantity int32) error
}

// item is an item as the server keeps it.
type item struct {
	name  string
	stock int32
}

// Server implements the Inventory service. It is safe for concurrent use.
type Server struct {
	pb.UnimplementedInventoryServer

	warehouse Warehouse
	mu        sync.Mutex
	items     map[string]*item
}

// NewServer returns a Server with the given items in stock.
func NewServer(items []*pb.Item, w Warehouse) *Server {
	s := &Server{warehouse: w, items: map[string]*item{}}
	for _, it := range items {
		s.items[it.GetSku()] = &item{name: it.GetName(), stock: it.GetStock()}
	}
	return s
}

// GetItem returns one item by its SKU: codes.InvalidArgument when the SKU
// is empty, codes.NotFound when there is no such item.
func (s *Server) GetItem(ctx context.Context, req *pb.GetItemRequest) (*pb.Item, error) {
	if req.GetSku() == "" {
		return nil, errors.New("sku is required")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[req.GetSku()]
	if !ok {
		return nil, fmt.Errorf("no item with sku %q", req.GetSku())
	}
	return &pb.Item{Sku: req.GetSku(), Name: it.name, Stock: it.stock}, nil
}

// Reserve sets a quantity of an item aside, and returns the stock left.
// Errors: codes.InvalidArgument for an empty SKU or a quantity below 1,
// codes.NotFound for an unknown item, codes.FailedPrecondition when the
// stock is too small (nothing is reserved then). The warehouse must confirm
// within the call's deadline: when the call's context ends first, answer
// with the code of the context's error (DeadlineExceeded or Canceled); any
// other error of the warehouse is codes.Unavailable, with a message of
// your own (its details stay in the server). In both cases the stock taken
// is given back.
func (s *Server) Reserve(ctx context.Context, req *pb.ReserveRequest) (*pb.ReserveResponse, error) {
	sku, n := req.GetSku(), req.GetQuantity()
	if sku == "" {
		return nil, errors.New("sku is required")
	}
	if n <= 0 {
		return nil, fmt.Errorf("quantity must be above zero, not %d", n)
	}

	// Take the stock first, so that concurrent calls cannot both take it.
	s.mu.Lock()
	it, ok := s.items[sku]
	if !ok {
		s.mu.Unlock()
		return nil, fmt.Errorf("no item with sku %q", sku)
	}
	if it.stock < n {
		s.mu.Unlock()
		return nil, fmt.Errorf("only %d of %q in stock", it.stock, sku)
	}
	it.stock -= n
	remaining := it.stock
	s.mu.Unlock()

	// TODO: the warehouse must see the call's deadline.
	if err := s.warehouse.Confirm(context.Background(), sku, n); err != nil {
		s.mu.Lock()
		it.stock += n // give it back
		s.mu.Unlock()
		return nil, fmt.Errorf("the warehouse did not confirm: %w", err) // TODO: codes
	}
	return &pb.ReserveResponse{Remaining: remaining}, nil
}
