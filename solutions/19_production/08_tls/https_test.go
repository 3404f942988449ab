package https

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// testSelfSigned makes a certificate for 127.0.0.1 and localhost, and a pool
// that trusts it: what a client needs to talk to the test server.
func testSelfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "backendlings test"},
		NotBefore:             time.Now().Add(-time.Minute),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// testStart serves NewTLSServer's server on a free port, the way main would
// with srv.ListenAndServeTLS("", ""), and returns its address and a
// client that trusts its certificate.
func testStart(t *testing.T, h http.Handler) (string, *http.Client, *http.Server) {
	t.Helper()
	cert, pool := testSelfSigned(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewTLSServer(ln.Addr().String(), cert, h)
	if srv == nil {
		t.Fatal("NewTLSServer returned nil")
	}
	if c := srv.TLSConfig; c == nil || len(c.Certificates) == 0 && c.GetCertificate == nil && c.GetConfigForClient == nil {
		ln.Close()
		t.Fatalf("NewTLSServer returned a server without a certificate: put cert in its TLSConfig (Certificates), so that srv.ListenAndServeTLS(\"\", \"\") needs no files")
	}
	if srv.ErrorLog == nil {
		// The tests send plain HTTP and old TLS on purpose: the server's
		// reports of those handshakes, written whenever its goroutines get
		// to them, would land in whichever test runs then.
		srv.ErrorLog = log.New(io.Discard, "", 0)
	}
	done := make(chan error, 1)
	go func() {
		err := srv.ServeTLS(ln, "", "")
		ln.Close()
		done <- err
	}()
	t.Cleanup(func() {
		srv.Close()
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("srv.ServeTLS(listener, \"\", \"\") failed: %v (the certificate belongs in TLSConfig.Certificates)", err)
		}
	})
	client := &http.Client{
		Timeout:   5 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
	}
	t.Cleanup(client.CloseIdleConnections)
	return ln.Addr().String(), client, srv
}

var testHello = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	io.WriteString(w, "hello over TLS\n")
})

func TestServesHTTPS(t *testing.T) {
	addr, client, _ := testStart(t, testHello)
	resp, err := client.Get("https://" + addr + "/")
	if err != nil {
		t.Fatalf("GET https://%s/ with a client that trusts the certificate: %v (give the certificate to the server in TLSConfig.Certificates)", addr, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(body) != "hello over TLS\n" {
		t.Errorf("GET https://%s/: %d %q, want 200 \"hello over TLS\\n\"", addr, resp.StatusCode, body)
	}
	if resp.TLS == nil || resp.TLS.Version < tls.VersionTLS12 {
		t.Errorf("GET https://%s/: the connection used %v, want TLS 1.2 or later", addr, resp.TLS)
	}

	// Plain HTTP on the TLS port gets no page: Go's TLS server answers a
	// bare 400 to a client that does not start with a TLS handshake.
	plain := &http.Client{Timeout: 5 * time.Second}
	resp, err = plain.Get("http://" + addr + "/")
	if err == nil {
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 || strings.Contains(string(body), "hello over TLS") {
			t.Errorf("GET http://%s/ (plain HTTP) on the TLS port: %d %q, want no page", addr, resp.StatusCode, body)
		}
	}
}

func TestMinimumVersion(t *testing.T) {
	cert, _ := testSelfSigned(t)
	srv := NewTLSServer("127.0.0.1:0", cert, testHello)
	if srv == nil {
		t.Fatal("NewTLSServer returned nil")
	}
	if srv.TLSConfig == nil || srv.TLSConfig.MinVersion < tls.VersionTLS12 {
		var v uint16
		if srv.TLSConfig != nil {
			v = srv.TLSConfig.MinVersion
		}
		t.Errorf("TLSConfig.MinVersion is %s, want tls.VersionTLS12 or later: TLS 1.0 and 1.1 are broken (RFC 8996); say so instead of relying on today's default", testVersionName(v))
	}
}

func TestOldClientsAreRefused(t *testing.T) {
	addr, _, _ := testStart(t, testHello)
	_, pool := testSelfSigned(t)
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	conn, err := tls.DialWithDialer(dialer, "tcp", addr, &tls.Config{
		RootCAs:            pool,
		InsecureSkipVerify: true, // only the version matters here
		MinVersion:         tls.VersionTLS10,
		MaxVersion:         tls.VersionTLS11,
	})
	if err == nil {
		v := conn.ConnectionState().Version
		conn.Close()
		t.Errorf("a client that speaks at most TLS 1.1 connected with %s: refuse it (MinVersion: tls.VersionTLS12)", testVersionName(v))
	}
}

func TestStrictTransportSecurity(t *testing.T) {
	addr, client, _ := testStart(t, testHello)
	for _, path := range []string{"/", "/missing"} {
		resp, err := client.Get("https://" + addr + path)
		if err != nil {
			t.Fatalf("GET https://%s%s: %v", addr, path, err)
		}
		resp.Body.Close()
		got := resp.Header.Get("Strict-Transport-Security")
		if got == "" {
			t.Errorf("GET %s answered %d without a Strict-Transport-Security header: set it on every answer, before the handler writes", path, resp.StatusCode)
			continue
		}
		age, _, _ := strings.Cut(strings.TrimPrefix(got, "max-age="), ";")
		if n, err := strconv.Atoi(age); !strings.HasPrefix(got, "max-age=") || err != nil || n < 31536000 {
			t.Errorf("GET %s: Strict-Transport-Security %q, want %q", path, got, HSTS)
		}
	}
}

func TestRedirectToHTTPS(t *testing.T) {
	tests := []struct {
		method, host, target, want string
	}{
		{"GET", "example.com", "/", "https://example.com/"},
		{"GET", "example.com:8080", "/docs/a?b=c&d=e", "https://example.com/docs/a?b=c&d=e"},
		{"POST", "shop.example.com:80", "/orders", "https://shop.example.com/orders"},
		{"GET", "127.0.0.1:8080", "/x%2Fy", "https://127.0.0.1/x%2Fy"},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(tt.method, tt.target, nil)
		req.Host = tt.host
		rec := httptest.NewRecorder()
		RedirectToHTTPS(rec, req)
		loc := rec.Header().Get("Location")
		if rec.Code != http.StatusPermanentRedirect && rec.Code != http.StatusMovedPermanently || loc != tt.want {
			t.Errorf("%s http://%s%s: %d with Location %q, want 308 (or 301) to %q", tt.method, tt.host, tt.target, rec.Code, loc, tt.want)
		}
	}
}

func testVersionName(v uint16) string {
	if v == 0 {
		return "unset (0)"
	}
	return tls.VersionName(v)
}
