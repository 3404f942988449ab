package retry

import (
	"fmt"
	"testing"
)

func TestIdempotent(t *testing.T) {
	cases := []struct {
		method string
		want   bool
	}{
		{"GET", true},
		{"HEAD", true},
		{"OPTIONS", true},
		{"TRACE", true},
		{"PUT", true},
		{"DELETE", true},
		{"POST", false},
		{"PATCH", false},
		{"CONNECT", false},
		{"", false},
		{"get", false},
		{"Delete", false},
		{"FETCH", false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q", c.method), func(t *testing.T) {
			if got := Idempotent(c.method); got != c.want {
				t.Errorf("Idempotent(%q) = %v, want %v", c.method, got, c.want)
			}
		})
	}
}

func TestRetryableStatus(t *testing.T) {
	cases := []struct {
		status int
		want   bool
	}{
		{408, true},
		{429, true},
		{500, true},
		{502, true},
		{503, true},
		{504, true},
		{599, true},
		{501, false},
		{600, false},
		{200, false},
		{301, false},
		{400, false},
		{404, false},
		{407, false},
		{409, false},
		{428, false},
		{430, false},
		{499, false},
		{0, false},
		{-500, false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.status), func(t *testing.T) {
			if got := RetryableStatus(c.status); got != c.want {
				t.Errorf("RetryableStatus(%d) = %v, want %v", c.status, got, c.want)
			}
		})
	}
}

func TestShouldRetry(t *testing.T) {
	cases := []struct {
		method string
		status int
		want   bool
	}{
		{"GET", 503, true},
		{"PUT", 429, true},
		{"DELETE", 408, true},
		{"HEAD", 500, true},
		{"POST", 503, false},
		{"PATCH", 429, false},
		{"GET", 501, false},
		{"GET", 404, false},
		{"GET", 200, false},
		{"get", 503, false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s %d", c.method, c.status), func(t *testing.T) {
			if got := ShouldRetry(c.method, c.status); got != c.want {
				t.Errorf("ShouldRetry(%q, %d) = %v, want %v", c.method, c.status, got, c.want)
			}
		})
	}
}
