package production

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"time"
)

// ANCHOR: tls
// serveHTTPS serves h over TLS on :443 with the certificate and key files
// (a certificate chain and its private key, in PEM).
func serveHTTPS(h http.Handler, certFile, keyFile string) error {
	srv := &http.Server{
		Addr:              ":443",
		Handler:           h,
		TLSConfig:         &tls.Config{MinVersion: tls.VersionTLS12},
		ReadHeaderTimeout: 5 * time.Second,
	}
	return srv.ListenAndServeTLS(certFile, keyFile)
}

// ANCHOR_END: tls

func Example_tls() {
	fmt.Println(tls.VersionName(tls.VersionTLS12), tls.VersionName(tls.VersionTLS13))
	// Output: TLS 1.2 TLS 1.3
}

var _ = serveHTTPS
