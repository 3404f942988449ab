// Alternative: a background context with a per-message write timeout, the
// read limit set before the loop, and an
// explicit switch on the close status to tell a normal end from an error.
package echo

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

// MaxMessage is the size of the largest message Echo reads, in bytes.
const MaxMessage = 4096

// Echo accepts a WebSocket connection and echoes every message.
func Echo(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{})
	if err != nil {
		return
	}
	conn.SetReadLimit(MaxMessage)
	err = serve(conn)
	switch websocket.CloseStatus(err) {
	case websocket.StatusNormalClosure, websocket.StatusGoingAway:
		conn.CloseNow() // the client closed; the library already answered
	default:
		if errors.Is(err, errQuit) {
			conn.Close(websocket.StatusNormalClosure, "bye")
		} else {
			conn.CloseNow()
		}
	}
}

var errQuit = errors.New("client asked to quit")

func serve(conn *websocket.Conn) error {
	for {
		kind, data, err := conn.Read(context.Background())
		if err != nil {
			return err
		}
		if kind == websocket.MessageText && string(data) == "quit" {
			return errQuit
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = conn.Write(ctx, kind, data)
		cancel()
		if err != nil {
			return err
		}
	}
}
