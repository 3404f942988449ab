package tlsclient

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

type testCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pem  []byte
}

func testNewCA(t *testing.T, name string) testCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return testCA{cert, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})}
}

// testLeaf issues a server certificate for the given names and IPs.
func (ca testCA) testLeaf(t *testing.T, dns []string, ips []net.IP, notAfter time.Time) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "server"},
		NotBefore:    time.Now().Add(-48 * time.Hour),
		NotAfter:     notAfter,
		DNSNames:     dns,
		IPAddresses:  ips,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func testServer(t *testing.T, cert *tls.Certificate) *httptest.Server {
	t.Helper()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello over TLS")
	}))
	if cert != nil {
		srv.TLS = &tls.Config{Certificates: []tls.Certificate{*cert}}
	}
	srv.Config.ErrorLog = testQuietLog()
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

func testClient(t *testing.T, caPEM []byte) *http.Client {
	t.Helper()
	c, err := NewClient(caPEM)
	if err != nil {
		t.Fatalf("NewClient(the CA's PEM) returned error %v", err)
	}
	if c == nil {
		t.Fatalf("NewClient(the CA's PEM) returned a nil client")
	}
	t.Cleanup(c.CloseIdleConnections)
	return c
}

var testLocal = []net.IP{net.ParseIP("127.0.0.1")}

func TestTrustedServer(t *testing.T) {
	ca, other := testNewCA(t, "Test Root CA"), testNewCA(t, "Other CA")
	leaf := ca.testLeaf(t, []string{"localhost"}, testLocal, time.Now().Add(time.Hour))
	srv := testServer(t, &leaf)
	for _, tt := range []struct {
		name string
		pem  []byte
	}{
		{"the CA alone", ca.pem},
		{"another CA, then the CA", append(append([]byte{}, other.pem...), ca.pem...)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := testClient(t, tt.pem)
			resp, err := c.Get(srv.URL)
			if err != nil {
				t.Fatalf("NewClient(%s): GET %s with a certificate the CA issued for 127.0.0.1: %v; want 200", tt.name, srv.URL, err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != 200 || string(body) != "hello over TLS" {
				t.Errorf("GET %s: %d %q, want 200 \"hello over TLS\"", srv.URL, resp.StatusCode, body)
			}
		})
	}
}

func TestUntrustedServersRefused(t *testing.T) {
	ca, other := testNewCA(t, "Test Root CA"), testNewCA(t, "Other CA")
	soon := time.Now().Add(time.Hour)
	byOther := other.testLeaf(t, []string{"localhost"}, testLocal, soon)
	wrongHost := ca.testLeaf(t, []string{"other.example"}, nil, soon)
	expired := ca.testLeaf(t, []string{"localhost"}, testLocal, time.Now().Add(-time.Hour))
	tests := []struct {
		name string
		cert *tls.Certificate
	}{
		{"a certificate issued by another CA", &byOther},
		{"httptest's own certificate", nil},
		{"a certificate of the CA for another host name", &wrongHost},
		{"an expired certificate of the CA", &expired},
	}
	c := testClient(t, ca.pem)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := testServer(t, tt.cert)
			resp, err := c.Get(srv.URL)
			if err == nil {
				resp.Body.Close()
				t.Errorf("GET %s, a server with %s: %d, want an error (the certificate must be refused)", srv.URL, tt.name, resp.StatusCode)
			}
		})
	}
}

func TestNoCertificateInPEM(t *testing.T) {
	keyOnly := pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte{1, 2, 3}})
	for _, tt := range []struct {
		name string
		pem  []byte
	}{
		{"nil", nil},
		{"[]byte{}", []byte{}},
		{"text that is not PEM", []byte("-----BEGIN NOTHING")},
		{"a PEM private key and no certificate", keyOnly},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewClient(tt.pem); err == nil {
				t.Errorf("NewClient(%s) returned a nil error; want an error (no CA certificate to trust)", tt.name)
			}
		})
	}
}

func TestDefaultsUntouched(t *testing.T) {
	tr, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		t.Skip("http.DefaultTransport is not an *http.Transport")
	}
	before := tr.TLSClientConfig
	var beforeRoots *x509.CertPool
	if before != nil {
		beforeRoots = before.RootCAs
	}
	defaultBefore := http.DefaultClient.Transport
	ca := testNewCA(t, "Test Root CA")
	testClient(t, ca.pem)
	after := tr.TLSClientConfig
	var afterRoots *x509.CertPool
	if after != nil {
		afterRoots = after.RootCAs
	}
	if after != before || afterRoots != beforeRoots || http.DefaultClient.Transport != defaultBefore {
		t.Errorf("NewClient changed http.DefaultTransport or http.DefaultClient; clone the transport instead (other code shares the default)")
	}
}

// testQuietLog drops the server's "TLS handshake error" lines, which the
// refused connections cause on purpose.
func testQuietLog() *log.Logger { return log.New(io.Discard, "", 0) }
