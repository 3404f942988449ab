package security

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
)

// ANCHOR: pool
// clientFor returns a client that trusts only the CAs in caPEM.
func clientFor(caPEM []byte) (*http.Client, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, errors.New("no CA certificate in PEM")
	}
	tr := http.DefaultTransport.(*http.Transport).Clone() // never the shared one
	tr.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: tr}, nil
}

// ANCHOR_END: pool

func Example_pool() {
	ok := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	srv := httptest.NewTLSServer(ok)
	defer srv.Close()
	cert := &pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}
	caPEM := pem.EncodeToMemory(cert)

	c, err := clientFor(caPEM)
	if err != nil {
		panic(err)
	}
	defer c.CloseIdleConnections()
	resp, err := c.Get(srv.URL)
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.Status)

	var unknown *tls.CertificateVerificationError
	_, err = http.Get(srv.URL) // the system's roots do not know this CA
	fmt.Println(errors.As(err, &unknown))
	// Output:
	// 200 OK
	// true
}
