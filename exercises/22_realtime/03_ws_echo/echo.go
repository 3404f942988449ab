// A WebSocket echo server with github.com/coder/websocket. Echo accepts the
// connection and closes it at once. Make it send every message back with
// its own type, refuse messages larger than MaxMessage, close with a proper
// status when asked to, and return when the client closes. You are done
// when the verdict says every test passes.
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
	// TODO: set the read limit, then echo messages until one of the above
}
