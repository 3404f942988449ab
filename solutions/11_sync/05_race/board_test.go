package leaderboard

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
)

func TestBoard(t *testing.T) {
	b := New()
	if got := b.Leader(); got != "" {
		t.Errorf("empty board: Leader() = %q, want \"\"", got)
	}
	if got := b.Players(); got != 0 {
		t.Errorf("empty board: Players() = %d, want 0", got)
	}
	steps := []struct {
		player string
		points int
		leader string
	}{
		{"bob", 5, "bob"},
		{"ann", 3, "bob"},
		{"ann", 2, "ann"}, // 5 each: a tie goes to the name that sorts first
		{"cid", 9, "cid"},
		{"bob", 10, "bob"},
	}
	for _, s := range steps {
		b.Add(s.player, s.points)
		if got := b.Leader(); got != s.leader {
			t.Errorf("after Add(%q, %d): Leader() = %q, want %q (scores ann=%d bob=%d cid=%d)",
				s.player, s.points, got, s.leader, b.Score("ann"), b.Score("bob"), b.Score("cid"))
		}
	}
	if got := b.Score("bob"); got != 15 {
		t.Errorf("Score(%q) = %d, want 15", "bob", got)
	}
	if got := b.Score("nobody"); got != 0 {
		t.Errorf("Score(%q) = %d, want 0", "nobody", got)
	}
	if got := b.Players(); got != 3 {
		t.Errorf("Players() = %d, want 3", got)
	}
}

// TestBoardConcurrent uses the board from many goroutines at once, as a game
// server does, several times over. The totals may well come out right with
// the races still in; the race detector is what catches them.
func TestBoardConcurrent(t *testing.T) {
	for range 5 {
		testUseConcurrently(t)
		if t.Failed() {
			return
		}
	}
}

func testUseConcurrently(t *testing.T) {
	t.Helper()
	const players, rounds = 8, 100
	b := New()
	start := make(chan struct{}) // lets every goroutine begin at once
	var wg sync.WaitGroup
	for p := range players {
		name := fmt.Sprintf("player%d", p)
		wg.Go(func() {
			<-start
			for range rounds {
				b.Add(name, p+1)
				runtime.Gosched() // let the readers run between scores
			}
		})
	}
	for range 4 {
		wg.Go(func() {
			<-start
			for range 10 * rounds {
				_ = b.Leader()
				runtime.Gosched()
			}
		})
	}
	wg.Go(func() {
		<-start
		for range 10 * rounds {
			_ = b.Players()
		}
	})
	close(start)
	wg.Wait()

	if got, want := b.Leader(), fmt.Sprintf("player%d", players-1); got != want {
		t.Errorf("after all goroutines finished: Leader() = %q, want %q", got, want)
	}
	if got := b.Players(); got != players {
		t.Errorf("after all goroutines finished: Players() = %d, want %d", got, players)
	}
	for p := range players {
		name := fmt.Sprintf("player%d", p)
		if got, want := b.Score(name), rounds*(p+1); got != want {
			t.Errorf("Score(%q) = %d, want %d", name, got, want)
		}
	}
}
