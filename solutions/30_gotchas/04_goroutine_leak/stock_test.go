package stock

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble (fake time). Goroutines still
// blocked when f returns make synctest panic; that becomes a failure here.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("Stock never returned: every goroutine was blocked forever (a deadlock): %v", msg)
			}
			t.Fatalf("Stock returned and the lookup finished, yet a goroutine Stock started is still blocked, "+
				"and nothing will ever unblock it (a goroutine leak): is it sending a result that nobody receives any more? (%v)", msg)
		}
	}()
	synctest.Test(t, f)
}

// testSlowLookup answers n after delay, like a slow legacy service.
func testSlowLookup(n int, delay time.Duration) LookupFunc {
	return func(string) (int, error) {
		time.Sleep(delay)
		return n, nil
	}
}

func TestStockReturnsTheAnswer(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		n, err := Stock(ctx, "SKU-1", testSlowLookup(42, 200*time.Millisecond))
		if n != 42 || err != nil {
			t.Errorf("Stock with a 1s timeout and a lookup answering 42 after 200ms = (%d, %v), want (42, nil)", n, err)
		}
	})
}

func TestStockReturnsTheLookupError(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		errUnknown := errors.New("unknown SKU")
		lookup := func(sku string) (int, error) {
			time.Sleep(100 * time.Millisecond)
			return 0, fmt.Errorf("%s: %w", sku, errUnknown)
		}
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		_, err := Stock(ctx, "SKU-404", lookup)
		if !errors.Is(err, errUnknown) {
			t.Errorf("Stock with a lookup that fails = error %v, want the lookup's error (%v)", err, errUnknown)
		}
	})
}

func TestStockReturnsPromptlyOnTimeout(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		start := time.Now()
		n, err := Stock(ctx, "SKU-1", testSlowLookup(42, 5*time.Second))
		elapsed := time.Since(start)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Stock with a 1s timeout and a lookup taking 5s = (%d, %v), want error context.DeadlineExceeded", n, err)
		}
		if elapsed != time.Second {
			t.Errorf("Stock with a 1s timeout and a lookup taking 5s returned after %v, want 1s: it must not wait for the lookup once ctx is done", elapsed)
		}
		// Let the lookup finish in the background; a correct Stock leaves
		// nothing behind once it has.
		time.Sleep(10 * time.Second)
	})
}

func TestStockReturnsPromptlyWhenCancelled(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(300*time.Millisecond, cancel)
		start := time.Now()
		n, err := Stock(ctx, "SKU-1", testSlowLookup(42, 5*time.Second))
		elapsed := time.Since(start)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Stock cancelled after 300ms with a lookup taking 5s = (%d, %v), want error context.Canceled", n, err)
		}
		if elapsed != 300*time.Millisecond {
			t.Errorf("Stock cancelled after 300ms returned after %v, want 300ms", elapsed)
		}
		time.Sleep(10 * time.Second)
	})
}

func TestManyTimedOutRequests(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		for i := range 100 {
			ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
			_, err := Stock(ctx, fmt.Sprintf("SKU-%d", i), testSlowLookup(i, time.Second))
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("request %d: Stock with a 100ms timeout and a lookup taking 1s = error %v, want context.DeadlineExceeded", i, err)
			}
		}
		time.Sleep(10 * time.Second)
	})
}
