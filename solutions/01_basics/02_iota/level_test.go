package loglevel

import "testing"

func TestLevelValues(t *testing.T) {
	cases := []struct {
		name string
		got  Level
		want Level
	}{
		{"Debug", Debug, -1},
		{"Info", Info, 0},
		{"Warn", Warn, 1},
		{"Error", Error, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.got != c.want {
				t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
			}
		})
	}
}

func TestZeroValueIsInfo(t *testing.T) {
	var unset Level // what a Level holds when nobody sets it
	if unset != Info {
		t.Errorf("the zero value of Level is %d, but Info = %d: want Info to be the zero value", unset, Info)
	}
}

func TestEnabled(t *testing.T) {
	// The levels by their required values (Debug -1, Info 0, Warn 1,
	// Error 2), so that this test checks Enabled even while the constants
	// are still wrong.
	names := map[Level]string{-1: "Debug", 0: "Info", 1: "Warn", 2: "Error"}
	cases := []struct {
		configured, msg Level
		want            bool
	}{
		{-1, -1, true},
		{-1, 2, true},
		{0, -1, false},
		{0, 0, true},
		{0, 1, true},
		{1, 0, false},
		{1, 1, true},
		{1, 2, true},
		{2, 1, false},
		{2, 2, true},
	}
	for _, c := range cases {
		verb := "drops"
		if c.want {
			verb = "writes"
		}
		name := names[c.configured] + " service " + verb + " " + names[c.msg]
		t.Run(name, func(t *testing.T) {
			if got := Enabled(c.configured, c.msg); got != c.want {
				t.Errorf("Enabled(%s, %s) = %v, want %v", names[c.configured], names[c.msg], got, c.want)
			}
		})
	}
}
