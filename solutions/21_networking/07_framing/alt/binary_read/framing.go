// Alternative: the header is decoded with binary.Read into a uint32, and
// the payload read with io.ReadAtLeast.
package framing

import (
	"encoding/binary"
	"errors"
	"io"
)

// ErrFrameTooLarge says a frame's length is over the limit.
var ErrFrameTooLarge = errors.New("framing: frame too large")

// WriteFrame writes payload as one frame.
func WriteFrame(w io.Writer, payload []byte) error {
	if err := binary.Write(w, binary.BigEndian, uint32(len(payload))); err != nil {
		return err
	}
	_, err := w.Write(payload)
	return err
}

// ReadFrame reads one frame of at most max bytes of payload.
func ReadFrame(r io.Reader, max int) ([]byte, error) {
	var size uint32
	if err := binary.Read(r, binary.BigEndian, &size); err != nil {
		return nil, err // io.EOF or io.ErrUnexpectedEOF, as io.ReadFull gives
	}
	if int64(size) > int64(max) {
		return nil, ErrFrameTooLarge
	}
	buf := make([]byte, size)
	if size == 0 {
		return buf, nil
	}
	if _, err := io.ReadAtLeast(r, buf, len(buf)); err == io.EOF {
		return nil, io.ErrUnexpectedEOF
	} else if err != nil {
		return nil, err
	}
	return buf, nil
}
