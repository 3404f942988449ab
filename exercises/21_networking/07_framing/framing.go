// TCP carries a stream of bytes, not messages: one Write can arrive as
// several Reads, and several Writes as one. A binary protocol marks where
// each message ends with a length prefix: 4 bytes, big-endian, then that
// many bytes of payload. WriteFrame is done; fix ReadFrame, which as
// written trusts a single Read to fill its buffer:
//   - read the header and the payload with io.ReadFull, which loops until
//     the buffer is full;
//   - a stream that ends cleanly before a frame returns io.EOF, but one
//     that ends inside a frame (in the header, or after it) returns
//     io.ErrUnexpectedEOF: careful, io.ReadFull gives io.EOF when it reads
//     nothing at all, even for the payload;
//   - a length over max returns ErrFrameTooLarge before allocating or
//     reading the payload (the length comes from the network: never trust it).
//
// You are done when the verdict says the hidden tests pass.
package framing

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
)

// ErrFrameTooLarge says a frame's length is over the limit.
var ErrFrameTooLarge = errors.New("framing: frame too large")

// WriteFrame writes payload as one frame: its length as 4 bytes big-endian,
// then the payload.
func WriteFrame(w io.Writer, payload []byte) error {
	if uint64(len(payload)) > math.MaxUint32 {
		return ErrFrameTooLarge
	}
	frame := binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(payload)), uint32(len(payload)))
	_, err := w.Write(append(frame, payload...))
	return err
}

// ReadFrame reads one frame from r and returns its payload, which may be
// empty. It accepts payloads of at most max bytes.
func ReadFrame(r io.Reader, max int) ([]byte, error) {
	// TODO: io.ReadFull, the right end-of-stream errors, and max.
	var header [4]byte
	if _, err := r.Read(header[:]); err != nil {
		return nil, err
	}
	payload := make([]byte, binary.BigEndian.Uint32(header[:]))
	if _, err := r.Read(payload); err != nil && len(payload) > 0 {
		return nil, err
	}
	return payload, nil
}
