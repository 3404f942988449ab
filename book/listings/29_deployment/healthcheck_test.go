package deployment

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// ANCHOR: probe
// probe is what `app -healthcheck` runs: one GET with a deadline, and an
// error for anything but a 2xx answer.
func probe(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}

// ANCHOR_END: probe

func TestProbe(t *testing.T) {
	for _, status := range []int{200, 503} {
		h := func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) }
		srv := httptest.NewServer(http.HandlerFunc(h))
		err := probe(srv.URL + "/health")
		srv.Close()
		if (err == nil) != (status == 200) {
			t.Errorf("probe(a server answering %d) = %v", status, err)
		}
	}
}
