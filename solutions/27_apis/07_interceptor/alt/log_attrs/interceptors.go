// Alternative: slog.LogAttrs with typed attributes, and the token checked
// by a helper that returns an error the interceptor passes on as is.
package interceptors

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

func Logging(logger *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		t0 := time.Now()
		resp, err := handler(ctx, req)
		code := codes.OK
		if err != nil {
			code = status.Convert(err).Code()
		}
		logger.LogAttrs(ctx, slog.LevelInfo, "rpc",
			slog.String("method", info.FullMethod),
			slog.String("code", code.String()),
			slog.Duration("duration", time.Since(t0)))
		return resp, err
	}
}

type authedUser struct{ name string }

func UserFrom(ctx context.Context) (string, bool) {
	u, ok := ctx.Value(authedUser{}).(authedUser)
	return u.name, ok
}

func userOf(ctx context.Context, users map[string]string) (string, error) {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return "", status.Error(codes.Unauthenticated, "no metadata")
	}
	auth := md["authorization"]
	if len(auth) != 1 || len(auth[0]) <= len("Bearer ") || auth[0][:7] != "Bearer " {
		return "", status.Error(codes.Unauthenticated, "expected one \"Bearer <token>\"")
	}
	if name, ok := users[auth[0][7:]]; ok {
		return name, nil
	}
	return "", status.Error(codes.Unauthenticated, errors.New("unknown token").Error())
}

func Auth(users map[string]string) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		name, err := userOf(ctx, users)
		if err != nil {
			return nil, err
		}
		return handler(context.WithValue(ctx, authedUser{}, authedUser{name}), req)
	}
}
