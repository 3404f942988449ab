// Wrong: logs before calling the handler, when the outcome is not known yet,
// so every call is logged with code OK.
package interceptors

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// Logging returns an interceptor that logs every call once it is over,
// whatever its outcome: one record at level Info with the message "rpc"
// and the attributes "method" (the full method name, such as
// "/grpc.health.v1.Health/Check"), "code" (the status code of the call's
// error, as a string: "OK", "NotFound", ...) and "duration" (a
// time.Duration).
func Logging(logger *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		start := time.Now()
		var err error
		logger.Info("rpc",
			"method", info.FullMethod,
			"code", status.Code(err).String(),
			"duration", time.Since(start))
		return handler(ctx, req)
	}
}

// userKey is the context key of the authenticated user.
type userKey struct{}

// UserFrom returns the user that Auth let in, if any.
func UserFrom(ctx context.Context) (string, bool) {
	user, ok := ctx.Value(userKey{}).(string)
	return user, ok
}

// Auth returns an interceptor that lets a call through only with a valid
// token. The token comes in the call's metadata, under the key
// "authorization", as "Bearer <token>"; users maps each valid token to its
// user. A call without exactly one such value, or with a token that is not
// in users, fails with codes.Unauthenticated and never reaches the
// handler. A valid call reaches the handler with a context from which
// UserFrom returns the user.
func Auth(users map[string]string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		md, _ := metadata.FromIncomingContext(ctx)
		values := md.Get("authorization")
		if len(values) != 1 {
			return nil, status.Error(codes.Unauthenticated, "missing bearer token")
		}
		token, ok := strings.CutPrefix(values[0], "Bearer ")
		user, known := users[token]
		if !ok || !known {
			return nil, status.Error(codes.Unauthenticated, "invalid bearer token")
		}
		return handler(context.WithValue(ctx, userKey{}, user), req)
	}
}
