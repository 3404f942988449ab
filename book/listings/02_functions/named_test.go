package functions

import (
	"errors"
	"fmt"
	"strings"
)

// ANCHOR: document
// bounds returns the smallest and the largest element of xs. The names
// say which result is which; ok is false when xs is empty.
func bounds(xs []int) (lo, hi int, ok bool) {
	if len(xs) == 0 {
		return // a "naked" return: lo, hi and ok still hold their zero values
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi, true
}

// ANCHOR_END: document

func Example_bounds() {
	fmt.Println(bounds([]int{4, -2, 9}))
	fmt.Println(bounds(nil))
	// Output:
	// -2 9 true
	// 0 0 false
}

var errNoSuchKey = errors.New("no such key")

// ANCHOR: annotate
// lookup finds key in a "k=v;k=v" config string. Every error it returns
// is annotated with the key, in one place: the deferred function runs
// after the return statement has stored the results, and may change them.
func lookup(config, key string) (value string, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("lookup %q: %w", key, err)
		}
	}()

	if key == "" {
		return "", errors.New("empty key")
	}
	for pair := range strings.SplitSeq(config, ";") {
		if k, v, ok := strings.Cut(pair, "="); ok && k == key {
			return v, nil
		}
	}
	return "", errNoSuchKey
}

func Example_lookup() {
	fmt.Println(lookup("host=db;port=5432", "port"))

	_, err := lookup("host=db", "user")
	fmt.Println(err)
	fmt.Println(errors.Is(err, errNoSuchKey)) // %w keeps the cause reachable
	// Output:
	// 5432 <nil>
	// lookup "user": no such key
	// true
}

// ANCHOR_END: annotate

// ANCHOR: unnamed
// tooLate has unnamed results. The deferred function changes its local
// variable err, but the return statement has already copied the result
// out: the caller never sees the change.
func tooLate() (string, error) {
	var err error
	defer func() {
		err = fmt.Errorf("wrapped: %w", err)
	}()
	err = errors.New("boom")
	return "", err
}

func Example_tooLate() {
	_, err := tooLate()
	fmt.Println(err)
	// Output: boom
}

// ANCHOR_END: unnamed
