package networking

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"testing/iotest"
)

// ANCHOR: framing
var errTooLarge = errors.New("frame too large")

func readFrame(r io.Reader, max uint32) ([]byte, error) {
	var h [4]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		// io.EOF: no frame at all; io.ErrUnexpectedEOF: half a header.
		return nil, err
	}
	n := binary.BigEndian.Uint32(h[:])
	if n > max {
		return nil, errTooLarge // before allocating n bytes for a stranger
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(r, p); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF // the header promised n bytes
		}
		return nil, err
	}
	return p, nil
}

// ANCHOR_END: framing

func Example_readFrame() {
	var stream bytes.Buffer
	for _, msg := range []string{"hello", "", "world"} {
		binary.Write(&stream, binary.BigEndian, uint32(len(msg)))
		stream.WriteString(msg)
	}
	// A network may deliver the bytes one at a time.
	r := iotest.OneByteReader(&stream)
	for {
		p, err := readFrame(r, 1024)
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%q\n", p)
	}
	// Output:
	// "hello"
	// ""
	// "world"
	// EOF
}
