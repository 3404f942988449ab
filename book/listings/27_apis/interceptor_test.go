package apis

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
)

// ANCHOR: recover
// Recover turns a panic in a method into codes.Internal for that one call,
// instead of a crash of the whole server.
func Recover(logger *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo,
		handler grpc.UnaryHandler) (resp any, err error) {
		defer func() {
			if v := recover(); v != nil {
				logger.Error("panic", "method", info.FullMethod, "panic", v)
				resp, err = nil, status.Error(codes.Internal, "internal error")
			}
		}()
		return handler(ctx, req)
	}
}

// ANCHOR_END: recover

// panicky is a health service whose Check panics.
type panicky struct {
	healthpb.UnimplementedHealthServer
}

func (panicky) Check(context.Context, *healthpb.HealthCheckRequest) (
	*healthpb.HealthCheckResponse, error) {
	panic("nil map")
}

func ExampleRecover() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	register := func(s *grpc.Server) { healthpb.RegisterHealthServer(s, panicky{}) }
	conn, stop := inMemory(register, grpc.ChainUnaryInterceptor(Recover(logger)))
	defer stop()
	_, err := healthpb.NewHealthClient(conn).Check(context.Background(),
		&healthpb.HealthCheckRequest{})
	fmt.Println(status.Code(err))

	// Output:
	// level=ERROR msg=panic method=/grpc.health.v1.Health/Check panic="nil map"
	// Internal
}
