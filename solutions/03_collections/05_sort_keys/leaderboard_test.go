package leaderboard

import (
	"fmt"
	"slices"
	"testing"
)

// A map's iteration order changes from one range loop to the next, so each
// order test calls the function several times: a result that is right only
// by chance cannot pass them all.
const testTries = 20

var testSmall = map[string]int{"carol": 70, "alice": 90, "bob": 80}

// testAlphabet is 26 players "a".."z" with scores that are not in name order.
func testAlphabet() map[string]int {
	m := make(map[string]int)
	for i := range 26 {
		m[string(rune('a'+i))] = (i * 7) % 26
	}
	return m
}

// testShowScores prints a small map in full (fmt sorts map keys) and only the
// size of a big one.
func testShowScores(m map[string]int) string {
	if len(m) > 8 {
		return fmt.Sprintf("<a map of %d players>", len(m))
	}
	return fmt.Sprint(m)
}

// testShowDiff prints got and want in full when they are short, or the first
// place where they differ.
func testShowDiff(got, want []string) string {
	if len(got) <= 8 && len(want) <= 8 {
		return fmt.Sprintf("%q, want %q", got, want)
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("%d names; at position %d: %q, want %q", len(got), i, got[i:min(i+4, len(got))], want[i:min(i+4, len(want))])
		}
	}
	return fmt.Sprintf("%d names, want %d", len(got), len(want))
}

func TestNames(t *testing.T) {
	cases := []struct {
		name   string
		scores map[string]int
		want   []string
	}{
		{"nil map", nil, nil},
		{"empty map", map[string]int{}, nil},
		{"one", map[string]int{"zoe": 1}, []string{"zoe"}},
		{"three", testSmall, []string{"alice", "bob", "carol"}},
		{"26 players", testAlphabet(), []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
			"n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for range testTries {
				if got := Names(c.scores); !slices.Equal(got, c.want) {
					t.Fatalf("Names(%s) = %s", testShowScores(c.scores), testShowDiff(got, c.want))
				}
			}
		})
	}
}

// testTiedScores is a big leaderboard with only three different scores.
func testTiedScores() (map[string]int, []string) {
	m := make(map[string]int)
	var want []string
	for _, score := range []int{30, 20, 10} {
		for i := range 20 {
			name := fmt.Sprintf("p%02d-%d", i, score)
			m[name] = score
			want = append(want, name)
		}
	}
	return m, want
}

func TestRanking(t *testing.T) {
	tied, tiedWant := testTiedScores()
	cases := []struct {
		name   string
		scores map[string]int
		want   []string
	}{
		{"nil map", nil, nil},
		{"one", map[string]int{"zoe": 1}, []string{"zoe"}},
		{"three", testSmall, []string{"alice", "bob", "carol"}},
		{"negative scores", map[string]int{"a": -5, "b": 0, "c": -1}, []string{"b", "c", "a"}},
		{"ties in alphabetical order", map[string]int{"dave": 50, "bob": 50, "erin": 70, "carl": 50, "ann": 10},
			[]string{"erin", "bob", "carl", "dave", "ann"}},
		{"everyone tied", map[string]int{"d": 1, "b": 1, "a": 1, "c": 1, "e": 1}, []string{"a", "b", "c", "d", "e"}},
		{"60 players, 3 scores", tied, tiedWant},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for range testTries {
				if got := Ranking(c.scores); !slices.Equal(got, c.want) {
					t.Fatalf("Ranking(%s) = %s", testShowScores(c.scores), testShowDiff(got, c.want))
				}
			}
		})
	}
}

func TestRank(t *testing.T) {
	scores := map[string]int{"dave": 50, "bob": 50, "erin": 70, "carl": 50, "ann": 10}
	cases := []struct {
		name string
		want int
	}{
		{"erin", 1},
		{"bob", 2},
		{"carl", 3},
		{"dave", 4},
		{"ann", 5},
		{"zed", 0},
		{"", 0},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q", c.name), func(t *testing.T) {
			for range testTries {
				if got := Rank(scores, c.name); got != c.want {
					t.Fatalf("Rank(%v, %q) = %d, want %d", scores, c.name, got, c.want)
				}
			}
		})
	}
	if got := Rank(nil, "bob"); got != 0 {
		t.Errorf("Rank(nil, %q) = %d, want 0", "bob", got)
	}
}

func TestOnPodium(t *testing.T) {
	scores := map[string]int{"dave": 50, "bob": 50, "erin": 70, "carl": 50, "ann": 10}
	cases := []struct {
		scores map[string]int
		name   string
		want   bool
	}{
		{scores, "erin", true},
		{scores, "bob", true},
		{scores, "carl", true},
		{scores, "dave", false},
		{scores, "ann", false},
		{scores, "zed", false},
		{map[string]int{"solo": 1}, "solo", true},
		{map[string]int{"x": 1, "y": 2}, "x", true},
		{nil, "anyone", false},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%q of %d", c.name, len(c.scores)), func(t *testing.T) {
			for range testTries {
				if got := OnPodium(c.scores, c.name); got != c.want {
					t.Fatalf("OnPodium(%v, %q) = %t, want %t", c.scores, c.name, got, c.want)
				}
			}
		})
	}
}
