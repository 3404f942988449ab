package types

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ANCHOR: struct
// Endpoint is an upstream service this program calls.
type Endpoint struct {
	Name    string
	URL     string
	Timeout time.Duration
	Retries int
}

func ExampleEndpoint() {
	// A literal with field names: fields left out get their zero value.
	users := Endpoint{Name: "users", URL: "http://users.internal"}
	users.Retries = 3 // fields are read and set with a dot

	var zero Endpoint // every field is its zero value
	fmt.Printf("%+v\n", users)
	fmt.Printf("%q %v %d\n", zero.Name, zero.Timeout, zero.Retries)
	// Output:
	// {Name:users URL:http://users.internal Timeout:0s Retries:3}
	// "" 0s 0
}

// ANCHOR_END: struct

// ANCHOR: constructor
// NewEndpoint returns an Endpoint for name and url, with a timeout of five
// seconds and two retries. It rejects a blank name and a url that is not
// http or https.
func NewEndpoint(name, url string) (*Endpoint, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("endpoint: name is required")
	}
	if !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
		return nil, fmt.Errorf("endpoint %s: url %q is not http or https", name, url)
	}
	return &Endpoint{Name: name, URL: url, Timeout: 5 * time.Second, Retries: 2}, nil
}

func ExampleNewEndpoint() {
	e, err := NewEndpoint(" billing ", "https://billing.internal")
	fmt.Println(e.Name, e.Timeout, e.Retries, err)

	_, err = NewEndpoint("billing", "ftp://billing.internal")
	fmt.Println(err)
	// Output:
	// billing 5s 2 <nil>
	// endpoint billing: url "ftp://billing.internal" is not http or https
}

// ANCHOR_END: constructor

// ANCHOR: zero
// AuditLog records events. Its zero value is an empty log with no limit,
// ready to use: a nil slice can be appended to, and a zero limit means
// "keep everything".
type AuditLog struct {
	events []string
	limit  int // 0: no limit
}

// Record adds an event, dropping the oldest one when the log is full.
func (l *AuditLog) Record(event string) {
	l.events = append(l.events, event)
	if l.limit > 0 && len(l.events) > l.limit {
		l.events = l.events[1:]
	}
}

func ExampleAuditLog() {
	var log AuditLog // no constructor needed
	log.Record("login ada")
	log.Record("logout ada")
	fmt.Println(log.events)

	small := AuditLog{limit: 1}
	small.Record("a")
	small.Record("b")
	fmt.Println(small.events)
	// Output:
	// [login ada logout ada]
	// [b]
}

// ANCHOR_END: zero
