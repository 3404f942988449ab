// Wrong: never sets the read limit, so the library's default (32 KiB)
// applies and a message larger than MaxMessage is read and echoed.
package echo

import (
	"net/http"

	"github.com/coder/websocket"
)

// MaxMessage is the size of the largest message Echo reads, in bytes.
const MaxMessage = 4096

// Echo accepts a WebSocket connection and sends back every message it
// receives, text or binary, with the same type and content, until:
//   - the client closes the connection: Echo returns;
//   - the client sends the text message "quit": Echo closes the connection
//     with status StatusNormalClosure and the reason "bye", and returns;
//   - a message is larger than MaxMessage bytes: the connection ends with
//     status StatusMessageTooBig (the library closes it so when the read
//     limit is exceeded), and Echo returns.
func Echo(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return // Accept has already answered the request with an error
	}
	defer c.CloseNow()
	ctx := r.Context()
	for {
		typ, msg, err := c.Read(ctx)
		if err != nil {
			return // closed by the client, too big, or broken
		}
		if typ == websocket.MessageText && string(msg) == "quit" {
			c.Close(websocket.StatusNormalClosure, "bye")
			return
		}
		if err := c.Write(ctx, typ, msg); err != nil {
			return
		}
	}
}
