package board

import (
	"fmt"
	"strings"
	"testing"
)

// testShow draws a board on one line, rows separated by "/", empty cells as ".".
func testShow(b Board) string {
	var rows []string
	for _, row := range b {
		var s strings.Builder
		for _, cell := range row {
			if cell == 0 {
				s.WriteByte('.')
			} else {
				s.WriteByte(cell)
			}
		}
		rows = append(rows, s.String())
	}
	return strings.Join(rows, "/")
}

func TestPlace(t *testing.T) {
	cases := []struct {
		row, col int
		mark     byte
		want     string
	}{
		{0, 0, 'X', "X../.../..."},
		{1, 2, 'O', ".../..O/..."},
		{2, 0, 'X', ".../.../X.."},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("row %d col %d", c.row, c.col), func(t *testing.T) {
			var b Board
			Place(&b, c.row, c.col, c.mark)
			if got := testShow(b); got != c.want {
				t.Errorf("after Place(&b, %d, %d, %q) on an empty board, b = %s, want %s", c.row, c.col, c.mark, got, c.want)
			}
		})
	}
	t.Run("several moves", func(t *testing.T) {
		var b Board
		Place(&b, 1, 1, 'X')
		Place(&b, 0, 2, 'O')
		Place(&b, 2, 2, 'X')
		if got, want := testShow(b), "..O/.X./..X"; got != want {
			t.Errorf("after three Place calls, b = %s, want %s", got, want)
		}
	})
}

func TestPlay(t *testing.T) {
	cases := []struct {
		row, col int
		mark     byte
		want     string
	}{
		{0, 1, 'X', ".X./.../..."},
		{2, 1, 'O', ".../.../.O."},
		{1, 0, 'X', ".../X../..."},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("row %d col %d", c.row, c.col), func(t *testing.T) {
			var b Board
			got := Play(b, c.row, c.col, c.mark)
			if s := testShow(got); s != c.want {
				t.Errorf("Play(empty board, %d, %d, %q) = %s, want %s", c.row, c.col, c.mark, s, c.want)
			}
		})
	}
	t.Run("keeps the other cells", func(t *testing.T) {
		b := Board{{'X', 0, 0}, {0, 'O', 0}, {0, 0, 0}}
		got := Play(b, 2, 2, 'X')
		if s, want := testShow(got), "X../.O./..X"; s != want {
			t.Errorf("Play(%s, 2, 2, 'X') = %s, want %s", testShow(b), s, want)
		}
	})
	t.Run("leaves the caller's board alone", func(t *testing.T) {
		b := Board{{'X', 0, 0}, {0, 'O', 0}, {0, 0, 0}}
		before := b
		Play(b, 0, 2, 'X')
		if b != before {
			t.Errorf("Play changed the caller's board to %s, want %s", testShow(b), testShow(before))
		}
	})
}
