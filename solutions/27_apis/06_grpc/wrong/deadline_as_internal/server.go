// Wrong: every failure of the warehouse becomes codes.Internal, so a call
// that ran out of time is not reported as DeadlineExceeded (or Canceled).
package inventory

import (
	"context"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

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

// GetItem returns one item by its SKU.
func (s *Server) GetItem(ctx context.Context, req *pb.GetItemRequest) (*pb.Item, error) {
	if req.GetSku() == "" {
		return nil, status.Error(codes.InvalidArgument, "sku is required")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[req.GetSku()]
	if !ok {
		return nil, status.Errorf(codes.NotFound, "no item with sku %q", req.GetSku())
	}
	return &pb.Item{Sku: req.GetSku(), Name: it.name, Stock: it.stock}, nil
}

// Reserve sets a quantity of an item aside, and returns the stock left.
func (s *Server) Reserve(ctx context.Context, req *pb.ReserveRequest) (*pb.ReserveResponse, error) {
	sku, n := req.GetSku(), req.GetQuantity()
	if sku == "" {
		return nil, status.Error(codes.InvalidArgument, "sku is required")
	}
	if n <= 0 {
		return nil, status.Errorf(codes.InvalidArgument, "quantity must be above zero, not %d", n)
	}

	// Take the stock first, so that concurrent calls cannot both take it.
	s.mu.Lock()
	it, ok := s.items[sku]
	if !ok {
		s.mu.Unlock()
		return nil, status.Errorf(codes.NotFound, "no item with sku %q", sku)
	}
	if it.stock < n {
		s.mu.Unlock()
		return nil, status.Errorf(codes.FailedPrecondition, "only %d of %q in stock", it.stock, sku)
	}
	it.stock -= n
	remaining := it.stock
	s.mu.Unlock()

	if err := s.warehouse.Confirm(ctx, sku, n); err != nil {
		s.mu.Lock()
		it.stock += n // give it back
		s.mu.Unlock()
		return nil, status.Errorf(codes.Internal, "the warehouse did not confirm: %v", err)
	}
	return &pb.ReserveResponse{Remaining: remaining}, nil
}
