// Alternative: the map never changes after NewServer, so each item carries
// its own mutex; context errors are told apart with errors.Is.
package inventory

import (
	"context"
	"errors"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "backendlings/exercises/27_apis/06_grpc/inventorypb"
)

type Warehouse interface {
	Confirm(ctx context.Context, sku string, quantity int32) error
}

type stockItem struct {
	mu    sync.Mutex
	name  string
	stock int32
}

type Server struct {
	pb.UnimplementedInventoryServer
	warehouse Warehouse
	items     map[string]*stockItem // read-only after NewServer
}

func NewServer(items []*pb.Item, w Warehouse) *Server {
	m := make(map[string]*stockItem, len(items))
	for _, it := range items {
		m[it.Sku] = &stockItem{name: it.Name, stock: it.Stock}
	}
	return &Server{warehouse: w, items: m}
}

func (s *Server) find(sku string) (*stockItem, error) {
	if sku == "" {
		return nil, status.Error(codes.InvalidArgument, "missing sku")
	}
	it := s.items[sku]
	if it == nil {
		return nil, status.Error(codes.NotFound, "unknown sku "+sku)
	}
	return it, nil
}

func (s *Server) GetItem(_ context.Context, req *pb.GetItemRequest) (*pb.Item, error) {
	it, err := s.find(req.Sku)
	if err != nil {
		return nil, err
	}
	it.mu.Lock()
	defer it.mu.Unlock()
	return &pb.Item{Sku: req.Sku, Name: it.name, Stock: it.stock}, nil
}

func (s *Server) Reserve(ctx context.Context, req *pb.ReserveRequest) (*pb.ReserveResponse, error) {
	if req.Quantity < 1 {
		return nil, status.Error(codes.InvalidArgument, "quantity must be at least 1")
	}
	it, err := s.find(req.Sku)
	if err != nil {
		return nil, err
	}
	it.mu.Lock()
	if it.stock < req.Quantity {
		it.mu.Unlock()
		return nil, status.Error(codes.FailedPrecondition, "not enough stock")
	}
	it.stock -= req.Quantity
	left := it.stock
	it.mu.Unlock()

	err = s.warehouse.Confirm(ctx, req.Sku, req.Quantity)
	if err == nil {
		return &pb.ReserveResponse{Remaining: left}, nil
	}
	it.mu.Lock()
	it.stock += req.Quantity
	it.mu.Unlock()
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return nil, status.Error(codes.DeadlineExceeded, "out of time waiting for the warehouse")
	case errors.Is(err, context.Canceled):
		return nil, status.Error(codes.Canceled, "call cancelled")
	default:
		return nil, status.Error(codes.Unavailable, "warehouse unavailable")
	}
}
