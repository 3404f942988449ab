// Exercise: the slices and maps packages.
// Ranging over a map visits keys in a random order. Give the leaderboard a
// stable order with maps.Keys, slices.Sorted and slices.SortStableFunc, and
// query it with slices.Index and slices.Contains.
package leaderboard

// Names returns the players in scores (its keys) in alphabetical order.
// With no players it returns an empty (or nil) slice.
func Names(scores map[string]int) []string {
	var names []string
	for name := range scores {
		names = append(names, name)
	}
	// TODO: the order of range over a map is random.
	return names
}

// Ranking returns the players ordered by score, highest first. Players
// with equal scores are in alphabetical order.
func Ranking(scores map[string]int) []string {
	// TODO
	return nil
}

// Rank returns the position of name in Ranking(scores), counting from 1,
// or 0 when name is not a player.
func Rank(scores map[string]int, name string) int {
	// TODO
	return 0
}

// OnPodium reports whether name is one of the first three players of
// Ranking(scores).
func OnPodium(scores map[string]int, name string) bool {
	// TODO
	return false
}
