// NewClient returns an HTTP client for a service whose certificate is
// issued by a private certificate authority (the company's own CA, a
// service mesh, a test CA): caPEM holds that CA's certificates, one or
// more PEM "CERTIFICATE" blocks. The client trusts exactly those CAs
// (not the system's roots) and checks the server's certificate as usual:
// its chain up to one of them, its dates and its host name.
//
// Never set InsecureSkipVerify: it turns every check off, and anyone
// between the client and the server can then read and change the traffic.
// A caPEM with no certificate in it is an error. Do not change
// http.DefaultTransport or http.DefaultClient: other code shares them.
// The hidden tests pass when the client talks to a server of the CA and
// refuses every other.
package tlsclient

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"time"
)

// NewClient returns a client that trusts only the CAs in caPEM.
func NewClient(caPEM []byte) (*http.Client, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, errors.New("tlsclient: no certificate in the CA PEM")
	}
	// A clone keeps the default transport's proxy, dial and idle
	// settings without touching the shared one.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{
		RootCAs:    pool,
		MinVersion: tls.VersionTLS12,
	}
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}, nil
}
