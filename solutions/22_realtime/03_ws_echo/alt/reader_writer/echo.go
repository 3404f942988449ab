// Alternative: streams each message through c.Reader and c.Writer with
// io.Copy instead of reading it whole, peeking at short text messages only
// to find "quit".
package echo

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"github.com/coder/websocket"
)

// MaxMessage is the size of the largest message Echo reads, in bytes.
const MaxMessage = 4096

func echoOne(ctx context.Context, c *websocket.Conn) (quit bool, err error) {
	typ, r, err := c.Reader(ctx)
	if err != nil {
		return false, err
	}
	var head bytes.Buffer
	if _, err := io.CopyN(&head, r, 5); err != nil && err != io.EOF {
		return false, err
	}
	if typ == websocket.MessageText && head.String() == "quit" {
		if n, _ := io.Copy(io.Discard, r); n == 0 {
			return true, nil
		}
	}
	w, err := c.Writer(ctx, typ)
	if err != nil {
		return false, err
	}
	if _, err := io.Copy(w, io.MultiReader(&head, r)); err != nil {
		w.Close()
		return false, err
	}
	return false, w.Close()
}

// Echo accepts a WebSocket connection and echoes every message.
func Echo(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	c.SetReadLimit(MaxMessage)
	for {
		quit, err := echoOne(r.Context(), c)
		if err != nil {
			return
		}
		if quit {
			c.Close(websocket.StatusNormalClosure, "bye")
			return
		}
	}
}
