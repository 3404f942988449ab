// Alternative: the inventory logic returns domain errors of its own, and
// one function at the edge maps them to gRPC status codes.
package inventory

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	pb "backendlings/exercises/27_apis/06_grpc/inventorypb"
)

type Warehouse interface {
	Confirm(ctx context.Context, sku string, quantity int32) error
}

var (
	errInvalid    = errors.New("invalid request")
	errNotFound   = errors.New("no such item")
	errNoStock    = errors.New("not enough stock")
	errUnconfirmd = errors.New("warehouse did not confirm")
)

type Server struct {
	pb.UnimplementedInventoryServer
	w     Warehouse
	mu    sync.Mutex
	stock map[string]int32
	names map[string]string
}

func NewServer(items []*pb.Item, w Warehouse) *Server {
	s := &Server{w: w, stock: map[string]int32{}, names: map[string]string{}}
	for _, it := range items {
		s.stock[it.GetSku()] = it.GetStock()
		s.names[it.GetSku()] = it.GetName()
	}
	return s
}

// toStatus turns an error of this package, or of a context, into a status.
func toStatus(err error) error {
	var code codes.Code
	switch {
	case errors.Is(err, errInvalid):
		code = codes.InvalidArgument
	case errors.Is(err, errNotFound):
		code = codes.NotFound
	case errors.Is(err, errNoStock):
		code = codes.FailedPrecondition
	case errors.Is(err, context.DeadlineExceeded):
		code = codes.DeadlineExceeded
	case errors.Is(err, context.Canceled):
		code = codes.Canceled
	default:
		return status.New(codes.Unavailable, errUnconfirmd.Error()).Err()
	}
	return status.New(code, err.Error()).Err()
}

func (s *Server) GetItem(ctx context.Context, req *pb.GetItemRequest) (*pb.Item, error) {
	it, err := s.get(req.GetSku())
	if err != nil {
		return nil, toStatus(err)
	}
	return it, nil
}

func (s *Server) get(sku string) (*pb.Item, error) {
	if sku == "" {
		return nil, fmt.Errorf("%w: empty sku", errInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.stock[sku]
	if !ok {
		return nil, fmt.Errorf("%w: %q", errNotFound, sku)
	}
	return &pb.Item{Sku: sku, Name: s.names[sku], Stock: n}, nil
}

func (s *Server) Reserve(ctx context.Context, req *pb.ReserveRequest) (*pb.ReserveResponse, error) {
	left, err := s.reserve(ctx, req.GetSku(), req.GetQuantity())
	if err != nil {
		return nil, toStatus(err)
	}
	return &pb.ReserveResponse{Remaining: left}, nil
}

func (s *Server) take(sku string, n int32) (int32, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	have, ok := s.stock[sku]
	switch {
	case !ok:
		return 0, fmt.Errorf("%w: %q", errNotFound, sku)
	case have < n:
		return 0, fmt.Errorf("%w: %d left", errNoStock, have)
	}
	s.stock[sku] = have - n
	return have - n, nil
}

func (s *Server) reserve(ctx context.Context, sku string, n int32) (int32, error) {
	if sku == "" || n <= 0 {
		return 0, fmt.Errorf("%w: sku %q, quantity %d", errInvalid, sku, n)
	}
	left, err := s.take(sku, n)
	if err != nil {
		return 0, err
	}
	if err := s.w.Confirm(ctx, sku, n); err != nil {
		s.mu.Lock()
		s.stock[sku] += n
		s.mu.Unlock()
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, err
	}
	return left, nil
}
