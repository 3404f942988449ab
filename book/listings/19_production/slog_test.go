package production

import (
	"context"
	"log/slog"
	"os"
)

// newExampleLogger is a JSON logger on stdout without the time field, so
// that the examples print the same lines on every run.
func newExampleLogger(level slog.Leveler) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{} // drop it
			}
			return a
		},
	}))
}

// ANCHOR: slog
func Example_slog() {
	var level slog.Level
	// Any case works: "debug", "INFO", "Error"...
	if err := level.UnmarshalText([]byte("warn")); err != nil {
		panic(err)
	}
	logger := newExampleLogger(level)

	logger.Info("cache warmed", "entries", 1200)            // below WARN: dropped
	logger.Warn("slow query", "table", "orders", "ms", 840) // typed fields
	logger = logger.With("service", "billing")              // on every line from now on
	logger.Error("payment failed", "order_id", 42)          // numbers stay numbers
	// Output:
	// {"level":"WARN","msg":"slow query","table":"orders","ms":840}
	// {"level":"ERROR","msg":"payment failed","service":"billing","order_id":42}
}

// ANCHOR_END: slog

// ANCHOR: redact
// Token is a secret. Its LogValue method decides how it appears in logs:
// whoever logs it by mistake leaks nothing.
type Token string

func (Token) LogValue() slog.Value { return slog.StringValue("REDACTED") }

func Example_redact() {
	logger := newExampleLogger(slog.LevelInfo)
	logger.InfoContext(context.Background(), "login",
		"user", "ada", "token", Token("s3cr3t"))
	// Output:
	// {"level":"INFO","msg":"login","user":"ada","token":"REDACTED"}
}

// ANCHOR_END: redact
