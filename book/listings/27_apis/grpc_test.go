package apis

import (
	"context"
	"fmt"
	"net"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
)

// ANCHOR: bufconn
// inMemory serves a gRPC server over an in-memory listener and returns a
// connection to it: the whole stack, no port, no network.
func inMemory(register func(*grpc.Server),
	opts ...grpc.ServerOption) (*grpc.ClientConn, func()) {
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(opts...)
	register(srv)
	go srv.Serve(lis)
	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
			return lis.DialContext(ctx)
		}),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
	return conn, func() { conn.Close(); srv.Stop() }
}

// ANCHOR_END: bufconn

// ANCHOR: client
// check asks for a service's health, within 2 seconds, and says what the
// status code means for the caller.
func check(client healthpb.HealthClient, service string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	resp, err := client.Check(ctx, &healthpb.HealthCheckRequest{Service: service})
	switch status.Code(err) {
	case codes.OK:
		return resp.GetStatus().String()
	case codes.NotFound:
		return "no such service"
	case codes.DeadlineExceeded, codes.Unavailable:
		return "try again later"
	default:
		return "failed: " + status.Convert(err).Message()
	}
}

// ANCHOR_END: client

func Example_check() {
	hs := health.NewServer()
	hs.SetServingStatus("orders", healthpb.HealthCheckResponse_SERVING)
	conn, stop := inMemory(func(s *grpc.Server) { healthpb.RegisterHealthServer(s, hs) })
	defer stop()
	client := healthpb.NewHealthClient(conn)
	fmt.Println(check(client, "orders"))
	fmt.Println(check(client, "billing"))

	// Output:
	// SERVING
	// no such service
}
