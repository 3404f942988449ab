// Alternative: the older sort package: sort.Strings for the names, and
// sort.Slice with one comparison that breaks ties by name; Rank and
// OnPodium walk the ranking with a loop.
package leaderboard

import "sort"

// Names returns the players in scores (its keys) in alphabetical order.
// With no players it returns an empty (or nil) slice.
func Names(scores map[string]int) []string {
	names := make([]string, 0, len(scores))
	for name := range scores {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Ranking returns the players ordered by score, highest first. Players
// with equal scores are in alphabetical order.
func Ranking(scores map[string]int) []string {
	list := Names(scores)
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if scores[a] != scores[b] {
			return scores[a] > scores[b]
		}
		return a < b
	})
	return list
}

// Rank returns the position of name in Ranking(scores), counting from 1,
// or 0 when name is not a player.
func Rank(scores map[string]int, name string) int {
	for i, n := range Ranking(scores) {
		if n == name {
			return i + 1
		}
	}
	return 0
}

// OnPodium reports whether name is one of the first three players of
// Ranking(scores).
func OnPodium(scores map[string]int, name string) bool {
	r := Rank(scores, name)
	return r >= 1 && r <= 3
}
