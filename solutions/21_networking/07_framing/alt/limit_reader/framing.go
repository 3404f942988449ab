// Alternative: the payload is read with io.ReadAll through an
// io.LimitReader, and a short result means the stream ended too soon.
package framing

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ErrFrameTooLarge says a frame's length is over the limit.
var ErrFrameTooLarge = errors.New("framing: frame too large")

// WriteFrame writes payload as one frame.
func WriteFrame(w io.Writer, payload []byte) error {
	var b bytes.Buffer
	b.Grow(4 + len(payload))
	var h [4]byte
	binary.BigEndian.PutUint32(h[:], uint32(len(payload)))
	b.Write(h[:])
	b.Write(payload)
	_, err := b.WriteTo(w)
	return err
}

// ReadFrame reads one frame of at most max bytes of payload.
func ReadFrame(r io.Reader, max int) ([]byte, error) {
	h := make([]byte, 4)
	got, err := io.ReadFull(r, h)
	switch {
	case got == 0 && errors.Is(err, io.EOF):
		return nil, io.EOF
	case err != nil:
		return nil, err
	}
	size := int64(binary.BigEndian.Uint32(h))
	if size > int64(max) {
		return nil, fmt.Errorf("frame of %d bytes: %w", size, ErrFrameTooLarge)
	}
	payload, err := io.ReadAll(io.LimitReader(r, size))
	if err != nil {
		return nil, err
	}
	if int64(len(payload)) < size {
		return nil, io.ErrUnexpectedEOF
	}
	return payload, nil
}
