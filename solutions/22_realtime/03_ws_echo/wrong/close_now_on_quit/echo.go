// Wrong: on "quit" drops the connection with CloseNow, so the client gets
// no close frame and no status.
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
	c.SetReadLimit(MaxMessage)
	ctx := r.Context()
	for {
		typ, msg, err := c.Read(ctx)
		if err != nil {
			return // closed by the client, too big, or broken
		}
		if typ == websocket.MessageText && string(msg) == "quit" {
			c.CloseNow()
			return
		}
		if err := c.Write(ctx, typ, msg); err != nil {
			return
		}
	}
}
