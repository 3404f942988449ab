package routes

import (
	"fmt"
	"maps"
	"testing"
)

func TestRoute(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/users/42/orders/7", "/users/:id/orders/:id"},
		{"/users/9/orders/1", "/users/:id/orders/:id"},
		{"/health", "/health"},
		{"/", "/"},
		{"", ""},
		{"/users/42/", "/users/:id/"},
		{"/files/007", "/files/:id"},
		{"/users/4a", "/users/4a"},
		{"/users/-1", "/users/-1"},
		{"/sessions/3f2b8c1e-9d4a-4b7e-8c2f-1a2b3c4d5e6f", "/sessions/:uuid"},
		{"/sessions/3F2B8C1E-9D4A-4B7E-8C2F-1A2B3C4D5E6F", "/sessions/3F2B8C1E-9D4A-4B7E-8C2F-1A2B3C4D5E6F"},
		{"/sessions/3f2b8c1e-9d4a-4b7e-8c2f-1a2b3c4d5e6", "/sessions/3f2b8c1e-9d4a-4b7e-8c2f-1a2b3c4d5e6"},
		{"/sessions/3f2b8c1e9d4a4b7e8c2f1a2b3c4d5e6f", "/sessions/3f2b8c1e9d4a4b7e8c2f1a2b3c4d5e6f"},
		{"/café/12", "/café/:id"},
		{"/users/٣", "/users/٣"}, // an Arabic-Indic digit is not [0-9]
	}
	for _, tc := range tests {
		if got := Route(tc.path); got != tc.want {
			t.Errorf("Route(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// testTraffic makes n request paths over a handful of routes.
func testTraffic(n int) []string {
	paths := make([]string, n)
	for i := range paths {
		switch i % 4 {
		case 0:
			paths[i] = fmt.Sprintf("/users/%d/orders/%d", i, i*7)
		case 1:
			paths[i] = "/health"
		case 2:
			paths[i] = fmt.Sprintf("/sessions/%08x-9d4a-4b7e-8c2f-1a2b3c4d5e6f", i)
		default:
			paths[i] = fmt.Sprintf("/products/%d", i)
		}
	}
	return paths
}

func TestCountRoutes(t *testing.T) {
	got := CountRoutes(testTraffic(1000))
	want := map[string]int{
		"/users/:id/orders/:id": 250,
		"/health":               250,
		"/sessions/:uuid":       250,
		"/products/:id":         250,
	}
	if !maps.Equal(got, want) {
		t.Errorf("CountRoutes(1000 paths) = %v, want %v", got, want)
	}
}

func TestRouteAllocations(t *testing.T) {
	const budget = 4
	for _, path := range []string{"/users/42/orders/7", "/sessions/3f2b8c1e-9d4a-4b7e-8c2f-1a2b3c4d5e6f", "/health"} {
		allocs := testing.AllocsPerRun(100, func() { Route(path) })
		if allocs > budget {
			t.Errorf("Route(%q) makes %.0f allocations per call, budget %d. Profile CountRoutes (see the hint) and look at what the top of the profile calls on every segment", path, allocs, budget)
		}
	}
}
