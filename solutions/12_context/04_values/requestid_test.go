package requestid

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"
)

// testRequestID calls RequestID and turns a panic into a failure message.
func testRequestID(t *testing.T, ctx context.Context, about string) (id string, ok bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("RequestID(%s) panicked: %v; a missing value is nil, so use the two-value type assertion: id, ok := v.(string)", about, r)
		}
	}()
	return RequestID(ctx)
}

// testQuietRequestID calls RequestID and returns the ID, or "" if it
// panicked (TestMissingID reports that).
func testQuietRequestID(ctx context.Context) (id string) {
	defer func() { _ = recover() }()
	id, _ = RequestID(ctx)
	return id
}

func TestRoundTrip(t *testing.T) {
	ctx := WithRequestID(context.Background(), "req-1")
	if id, ok := testRequestID(t, ctx, "WithRequestID(ctx, \"req-1\")"); id != "req-1" || !ok {
		t.Errorf("RequestID(WithRequestID(ctx, %q)) = %q, %v; want %q, true", "req-1", id, ok, "req-1")
	}
}

func TestMissingID(t *testing.T) {
	type otherKey struct{}
	for _, c := range []struct {
		about string
		ctx   context.Context
	}{
		{"context.Background()", context.Background()},
		{"a context with another package's value", context.WithValue(context.Background(), otherKey{}, "x")},
	} {
		t.Run(c.about, func(t *testing.T) {
			if id, ok := testRequestID(t, c.ctx, c.about); id != "" || ok {
				t.Errorf("RequestID(%s) = %q, %v; want \"\", false", c.about, id, ok)
			}
		})
	}
}

// TestValuesFlowDown checks that derived contexts carry the ID, that an
// inner WithRequestID shadows an outer one, and that a parent never sees
// its child's value.
func TestValuesFlowDown(t *testing.T) {
	parent := WithRequestID(context.Background(), "outer")
	child := WithRequestID(parent, "inner")
	cancelled, cancel := context.WithCancel(parent)
	cancel()
	timed, stop := context.WithTimeout(parent, time.Minute)
	defer stop()
	for _, c := range []struct {
		about string
		ctx   context.Context
		want  string
	}{
		{"a child with its own ID", child, "inner"},
		{"the parent, after a child got its own ID", parent, "outer"},
		{"a cancelled child", cancelled, "outer"},
		{"a child with a timeout", timed, "outer"},
	} {
		if id, ok := testRequestID(t, c.ctx, c.about); id != c.want || !ok {
			t.Errorf("RequestID(%s) = %q, %v; want %q, true", c.about, id, ok, c.want)
		}
	}
}

// testKeyPattern finds the key in a context's String form:
// "context.Background.WithValue(KEY, VALUE)".
var testKeyPattern = regexp.MustCompile(`^context\.Background\.WithValue\((.*), req-7\)$`)

// TestKeyCannotCollide checks that no other package can make a key equal to
// the one WithRequestID uses: the key must have a type of this package.
func TestKeyCannotCollide(t *testing.T) {
	// Another package storing its own "request_id" must not be mistaken
	// for ours.
	for _, key := range []string{"request_id", "requestID", "requestId", "request-id", "RequestID", "X-Request-ID", "id"} {
		ctx := context.WithValue(context.Background(), key, "evil")
		if id := testQuietRequestID(ctx); id == "evil" {
			t.Errorf("another package stored %q under the string key %q, and RequestID returned it: a plain string key collides with every other package that picks the same string; declare an unexported type (type ctxKey struct{}) and use a value of it as the key", "evil", key)
			return
		}
	}

	// The key WithRequestID used, as the context prints it: a built-in
	// type prints as its value ("request_id") or its type name ("int").
	m := testKeyPattern.FindStringSubmatch(fmt.Sprint(WithRequestID(context.Background(), "req-7")))
	if m == nil {
		return // an unusual but valid layout: nothing more to check
	}
	key := m[1]
	ctx := context.WithValue(context.Background(), key, "evil")
	if id := testQuietRequestID(ctx); id == "evil" {
		t.Errorf("WithRequestID stores the ID under the plain string key %q; another package that uses the same string made RequestID return its value: declare an unexported key type (type ctxKey struct{})", key)
	}
	switch key {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
		"float32", "float64", "complex64", "complex128", "bool", "struct {}", "interface {}":
		t.Errorf("WithRequestID uses a key of the built-in type %s, which any package can build too: declare an unexported key type (type ctxKey struct{})", key)
	}
}
