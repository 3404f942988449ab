package banner

import "testing"

func TestLine(t *testing.T) {
	cases := []struct {
		name    string // subtest name
		label   string
		port    int
		workers int
		want    string
	}{
		{"name and workers given", "api", 8080, 4, "api listening on :8080 (workers: 4)"},
		{"one worker", "jobs", 9090, 1, "jobs listening on :9090 (workers: 1)"},
		{"empty name shows server", "", 8080, 4, "server listening on :8080 (workers: 4)"},
		{"zero workers shows auto", "api", 443, 0, "api listening on :443 (workers: auto)"},
		{"both zero values", "", 80, 0, "server listening on :80 (workers: auto)"},
		{"many workers", "batch", 7000, 64, "batch listening on :7000 (workers: 64)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Line(c.label, c.port, c.workers)
			if got != c.want {
				t.Errorf("Line(%q, %d, %d) = %q, want %q", c.label, c.port, c.workers, got, c.want)
			}
		})
	}
}
