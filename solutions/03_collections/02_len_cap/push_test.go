package growth

import (
	"fmt"
	"slices"
	"testing"
)

// testSameArray reports whether a and b start at the same element of the same
// underlying array. Both must have a capacity of at least 1.
func testSameArray(a, b []int) bool {
	return &a[:1][0] == &b[:1][0]
}

// testDescribe shows a slice with its length and capacity, eliding the middle
// of long slices.
func testDescribe(s []int) string {
	if s == nil {
		return "nil"
	}
	return fmt.Sprintf("%s (len %d, cap %d)", testShort(s), len(s), cap(s))
}

// testShort prints s like %v does, eliding the middle of long slices.
func testShort(s []int) string {
	if len(s) <= 10 {
		return fmt.Sprint(s)
	}
	head, tail := fmt.Sprint(s[:3]), fmt.Sprint(s[len(s)-3:])
	return head[:len(head)-1] + " ... " + tail[1:]
}

func TestPushWithRoom(t *testing.T) {
	cases := []struct {
		name     string
		len, cap int
	}{
		{"empty with room", 0, 3},
		{"half full", 2, 4},
		{"one slot left", 4, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := make([]int, c.len, c.cap)
			for i := range s {
				s[i] = i + 1
			}
			in := testDescribe(s)
			got := Push(s, 99)
			want := append(slices.Clone(s), 99)
			if !slices.Equal(got, want) || cap(got) != c.cap {
				t.Fatalf("Push(%s, 99) = %s, want %v (len %d, cap %d)", in, testDescribe(got), want, len(want), c.cap)
			}
			if !testSameArray(got, s) {
				t.Errorf("Push(%s, 99) made a new array; with len < cap it must reuse the array of s (return s[:len(s)+1])", in)
			}
		})
	}
}

func TestPushWhenFull(t *testing.T) {
	cases := []struct {
		name    string
		in      []int
		wantCap int
	}{
		{"nil", nil, 1},
		{"empty, cap 0", []int{}, 1},
		{"cap 1", []int{7}, 2},
		{"cap 4", []int{1, 2, 3, 4}, 8},
		{"cap 17", make([]int, 17), 34},
		{"cap 300", make([]int, 300), 600},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for i := range c.in {
				c.in[i] = i + 1
			}
			before := slices.Clone(c.in)
			in := testDescribe(c.in)
			got := Push(c.in, -1)
			want := append(slices.Clone(before), -1)
			if !slices.Equal(got, want) {
				t.Fatalf("Push(%s, -1) = %s, want %s", in, testDescribe(got), testShort(want))
			}
			if cap(got) != c.wantCap {
				t.Errorf("Push(%s, -1) has cap %d, want %d (twice the old capacity, at least 1)", in, cap(got), c.wantCap)
			}
			if len(c.in) > 0 {
				got[0] = 1000
				if c.in[0] == 1000 {
					t.Errorf("Push(%s, -1) returned a slice that shares the array of s; a full slice needs a new array", in)
				}
			}
			if !slices.Equal(c.in, before) {
				t.Errorf("Push(%s, -1) changed s to %s", in, testShort(c.in))
			}
		})
	}
}

func TestPushSequence(t *testing.T) {
	var s []int
	var caps []int
	for v := range 10 {
		s = Push(s, v)
		caps = append(caps, cap(s))
	}
	if want := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}; !slices.Equal(s, want) {
		t.Errorf("pushing 0..9 onto a nil slice gave %v, want %v", s, want)
	}
	if want := []int{1, 2, 4, 4, 8, 8, 8, 8, 16, 16}; !slices.Equal(caps, want) {
		t.Errorf("pushing 0..9 onto a nil slice, the capacity after each push was %v, want %v", caps, want)
	}
}
