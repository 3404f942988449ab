package size

import "testing"

func TestParseSizeValid(t *testing.T) {
	cases := []struct {
		name string
		in   string
		w, h int
	}{
		{"typical", "800x600", 800, 600},
		{"square", "1x1", 1, 1},
		{"tall", "9x16", 9, 16},
		{"large", "7680x4320", 7680, 4320},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, h, err := ParseSize(c.in)
			if err != nil || w != c.w || h != c.h {
				t.Errorf("ParseSize(%q) = %d, %d, %v; want %d, %d, nil", c.in, w, h, err, c.w, c.h)
			}
		})
	}
}

func TestParseSizeInvalid(t *testing.T) {
	cases := []struct {
		name string
		in   string
	}{
		{"empty", ""},
		{"no x", "800"},
		{"missing width", "x600"},
		{"missing height", "800x"},
		{"width not a number", "widex600"},
		{"height not a number", "800xtall"},
		{"spaces", "800 x 600"},
		{"three parts", "800x600x2"},
		{"zero width", "0x600"},
		{"zero height", "800x0"},
		{"negative width", "-800x600"},
		{"negative height", "800x-600"},
		{"uppercase X", "800X600"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, h, err := ParseSize(c.in)
			if err == nil {
				t.Errorf("ParseSize(%q) = %d, %d, nil; want 0, 0 and a non-nil error", c.in, w, h)
				return
			}
			if w != 0 || h != 0 {
				t.Errorf("ParseSize(%q) = %d, %d, %q; on error the other results must be 0, 0", c.in, w, h, err)
			}
		})
	}
}
