package caching

import (
	"context"
	"errors"
	"sync"
	"time"
)

var ErrNoSuchUser = errors.New("no such user")

type lookup struct {
	name    string
	err     error // ErrNoSuchUser (wrapped): a cached "not found"
	expires time.Time
}

type Users struct {
	find     func(ctx context.Context, id string) (string, error)
	ttl      time.Duration // for users found: minutes
	emptyTTL time.Duration // for users not found: seconds
	mu       sync.Mutex
	cache    map[string]lookup
}

// ANCHOR: negative
func (u *Users) Name(ctx context.Context, id string) (string, error) {
	u.mu.Lock()
	l, ok := u.cache[id]
	u.mu.Unlock()
	if ok && time.Now().Before(l.expires) {
		return l.name, l.err // a hit, or a remembered "not found"
	}
	name, err := u.find(ctx, id)
	var ttl time.Duration
	switch {
	case err == nil:
		ttl = u.ttl
	case errors.Is(err, ErrNoSuchUser):
		ttl = u.emptyTTL // short: the user may sign up in a minute
	default:
		return "", err // an outage is never cached
	}
	u.mu.Lock()
	u.cache[id] = lookup{name, err, time.Now().Add(ttl)}
	u.mu.Unlock()
	return name, err
}

// ANCHOR_END: negative
