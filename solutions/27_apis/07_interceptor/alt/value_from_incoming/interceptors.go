// Alternative: metadata.ValueFromIncomingContext, a case-insensitive
// scheme check, and an unexported string type as the context key; the
// duration is measured with a deferred log call.
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

func Logging(logger *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
		defer func(start time.Time) {
			logger.InfoContext(ctx, "rpc", "method", info.FullMethod,
				"code", status.Code(err).String(), "duration", time.Since(start))
		}(time.Now())
		return handler(ctx, req)
	}
}

type ctxKey string

const userCtxKey ctxKey = "user"

func UserFrom(ctx context.Context) (string, bool) {
	u, ok := ctx.Value(userCtxKey).(string)
	return u, ok
}

var errUnauthenticated = status.Error(codes.Unauthenticated, "a valid bearer token is required")

func Auth(users map[string]string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		vals := metadata.ValueFromIncomingContext(ctx, "authorization")
		if len(vals) != 1 {
			return nil, errUnauthenticated
		}
		scheme, token, found := strings.Cut(vals[0], " ")
		if !found || !strings.EqualFold(scheme, "bearer") || token == "" {
			return nil, errUnauthenticated
		}
		user, ok := users[token]
		if !ok {
			return nil, errUnauthenticated
		}
		return handler(context.WithValue(ctx, userCtxKey, user), req)
	}
}
