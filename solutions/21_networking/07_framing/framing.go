// Length-prefixed frames: io.ReadFull for the header and the payload,
// io.ErrUnexpectedEOF for a stream that ends inside a frame, and the length
// checked against max before the payload is allocated.
package framing

import (
	"encoding/binary"
	"errors"
	"fmt"
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
	var header [4]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return nil, err // io.EOF before a frame, io.ErrUnexpectedEOF inside one
	}
	n := binary.BigEndian.Uint32(header[:])
	if uint64(n) > uint64(max) {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrFrameTooLarge, n, max)
	}
	payload := make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF // the header promised n bytes
		}
		return nil, err
	}
	return payload, nil
}
