// Alternative: decodes the PEM blocks one by one and adds each parsed
// certificate to the pool; a new http.Transport rather than a clone.
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
	"encoding/pem"
	"fmt"
	"net/http"
	"time"
)

// NewClient returns a client that trusts only the CAs in caPEM.
func NewClient(caPEM []byte) (*http.Client, error) {
	pool := x509.NewCertPool()
	n := 0
	for rest := caPEM; ; {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("tlsclient: CA certificate %d: %w", n+1, err)
		}
		pool.AddCert(cert)
		n++
	}
	if n == 0 {
		return nil, fmt.Errorf("tlsclient: no CERTIFICATE block in %d bytes of PEM", len(caPEM))
	}
	tr := &http.Transport{
		TLSClientConfig:     &tls.Config{RootCAs: pool},
		TLSHandshakeTimeout: 10 * time.Second,
		IdleConnTimeout:     90 * time.Second,
		ForceAttemptHTTP2:   true,
	}
	return &http.Client{Transport: tr, Timeout: time.Minute}, nil
}
