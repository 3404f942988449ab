package framing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"testing"
	"testing/iotest"
)

func TestWriteFrame(t *testing.T) {
	for _, tc := range []struct {
		payload string
		want    string
	}{
		{"hello", "\x00\x00\x00\x05hello"},
		{"", "\x00\x00\x00\x00"},
		{string(make([]byte, 300)), "\x00\x00\x01\x2c" + string(make([]byte, 300))},
	} {
		var buf bytes.Buffer
		if err := WriteFrame(&buf, []byte(tc.payload)); err != nil || buf.String() != tc.want {
			t.Errorf("WriteFrame(%.12q) wrote %.16q, %v; want %.16q, nil", tc.payload, buf.String(), err, tc.want)
		}
	}
}

// testReaders wrap a stream the way a network delivers it.
var testReaders = []struct {
	name string
	wrap func(io.Reader) io.Reader
}{
	{"whole", func(r io.Reader) io.Reader { return r }},
	{"one byte per Read (iotest.OneByteReader)", iotest.OneByteReader},
	{"half of each Read (iotest.HalfReader)", iotest.HalfReader},
	{"EOF with the last data", func(r io.Reader) io.Reader { return &testEOFWithData{r: r} }},
}

// testEOFWithData returns io.EOF together with the last bytes, as Read may.
type testEOFWithData struct {
	r   io.Reader
	eof bool
}

func (e *testEOFWithData) Read(p []byte) (int, error) {
	if e.eof {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	n, err := e.r.Read(p[:min(len(p), 7)])
	if err == nil && e.r.(*bytes.Reader).Len() == 0 {
		err = io.EOF
	}
	if err != nil {
		e.eof = true
	}
	return n, err
}

func TestReadFrames(t *testing.T) {
	payloads := [][]byte{
		[]byte("hello"),
		{},
		bytes.Repeat([]byte("0123456789"), 1000),
		{0, 0, 0, 7},
	}
	var stream bytes.Buffer
	for _, p := range payloads {
		WriteFrame(&stream, p)
	}
	for _, rd := range testReaders {
		t.Run(rd.name, func(t *testing.T) {
			r := rd.wrap(bytes.NewReader(stream.Bytes()))
			for i, want := range payloads {
				got, err := ReadFrame(r, 1<<20)
				if err != nil || !bytes.Equal(got, want) {
					t.Fatalf("frame %d of %d, stream read %s: ReadFrame = %.20q (%d bytes), %v; want %.20q (%d bytes), nil",
						i+1, len(payloads), rd.name, got, len(got), err, want, len(want))
				}
			}
			if got, err := ReadFrame(r, 1<<20); err != io.EOF {
				t.Errorf("after the last frame, stream read %s: ReadFrame = %q, %v; want nil, io.EOF", rd.name, got, err)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	for _, tc := range []struct{ name, stream string }{
		{"ends inside the header", "\x00\x00"},
		{"ends right after the header", "\x00\x00\x00\x05"},
		{"ends inside the payload", "\x00\x00\x00\x05hel"},
	} {
		for _, rd := range testReaders {
			t.Run(tc.name+", "+rd.name, func(t *testing.T) {
				got, err := ReadFrame(rd.wrap(bytes.NewReader([]byte(tc.stream))), 1<<20)
				if !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("stream %q (%s), read %s: ReadFrame = %q, %v; want io.ErrUnexpectedEOF", tc.stream, tc.name, rd.name, got, err)
				}
			})
		}
	}
}

// testCounter counts the bytes read through it.
type testCounter struct {
	r io.Reader
	n int
}

func (c *testCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestTooLarge(t *testing.T) {
	for _, tc := range []struct {
		length uint32
		max    int
	}{
		{1025, 1024},
		{1 << 20, 1024},
		{1 << 24, 1 << 20},
		{1, 0},
	} {
		t.Run(fmt.Sprintf("length %d, max %d", tc.length, tc.max), func(t *testing.T) {
			stream := []byte{byte(tc.length >> 24), byte(tc.length >> 16), byte(tc.length >> 8), byte(tc.length)}
			stream = append(stream, bytes.Repeat([]byte{'x'}, 2048)...)
			c := &testCounter{r: bytes.NewReader(stream)}
			got, err := ReadFrame(c, tc.max)
			if !errors.Is(err, ErrFrameTooLarge) {
				t.Fatalf("header says %d bytes, max %d: ReadFrame = %d bytes, %v; want ErrFrameTooLarge", tc.length, tc.max, len(got), err)
			}
			if c.n > 4 {
				t.Errorf("header says %d bytes, max %d: ReadFrame read %d bytes of the stream before returning ErrFrameTooLarge, want only the 4 of the header", tc.length, tc.max, c.n)
			}
		})
	}
	// Exactly max is allowed.
	var buf bytes.Buffer
	WriteFrame(&buf, bytes.Repeat([]byte{'y'}, 1024))
	if got, err := ReadFrame(&buf, 1024); err != nil || len(got) != 1024 {
		t.Errorf("a frame of exactly max (1024) bytes: ReadFrame = %d bytes, %v; want 1024 bytes, nil", len(got), err)
	}
}

func TestReadError(t *testing.T) {
	boom := errors.New("connection reset")
	for _, tc := range []struct {
		name string
		r    io.Reader
	}{
		{"in the header", iotest.ErrReader(boom)},
		{"in the payload", io.MultiReader(bytes.NewReader([]byte("\x00\x00\x00\x05he")), iotest.ErrReader(boom))},
	} {
		if got, err := ReadFrame(tc.r, 1024); !errors.Is(err, boom) {
			t.Errorf("the reader fails %s with %q: ReadFrame = %q, %v; want an error wrapping it", tc.name, boom, got, err)
		}
	}
}
