package perf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// ANCHOR: pool
// jsonBuffers recycles the buffers responses are encoded into. Pool
// pointers: a *bytes.Buffer fits in an interface as it is, a bytes.Buffer
// value would be copied to the heap on every Put.
var jsonBuffers = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

// maxPooled keeps one huge response from pinning its memory in the pool.
const maxPooled = 64 << 10

func writeJSON(w http.ResponseWriter, status int, v any) error {
	buf := jsonBuffers.Get().(*bytes.Buffer)
	buf.Reset() // it still holds the previous response
	defer func() {
		if buf.Cap() <= maxPooled {
			jsonBuffers.Put(buf) // after the last use of its bytes
		}
	}()

	// Encoding into the buffer first means a value that cannot be encoded
	// becomes a clean 500, not half a response.
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// ANCHOR_END: pool

func TestWriteJSONConcurrently(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			rec := httptest.NewRecorder()
			if err := writeJSON(rec, 200, map[string]int{"n": i}); err != nil {
				t.Error(err)
			}
			if got, want := rec.Body.String(), fmt.Sprintf("{\"n\":%d}\n", i); got != want {
				t.Errorf("body %q, want %q", got, want)
			}
		})
	}
	wg.Wait()
}
