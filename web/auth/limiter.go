package auth

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter slows down whoever hammers the login callback (guessing codes, replaying states):
// each client address may finish a burst of logins, then one every few seconds.
type limiter struct {
	mu      sync.Mutex
	clients map[string]*rate.Limiter
}

const (
	loginBurst = 20
	loginEvery = 3 * time.Second
)

// newLimiter returns a limiter that forgets idle clients every few minutes until ctx ends.
func newLimiter(ctx context.Context) *limiter {
	l := &limiter{clients: map[string]*rate.Limiter{}}
	go func() {
		tick := time.NewTicker(5 * time.Minute)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				l.forgetFull()
			}
		}
	}()
	return l
}

// allow reports whether r's client may go on.
func (l *limiter) allow(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.clients[host]
	if !ok {
		c = rate.NewLimiter(rate.Every(loginEvery), loginBurst)
		l.clients[host] = c
	}
	return c.Allow()
}

// forgetFull drops clients whose bucket has refilled: they are as good as new.
func (l *limiter) forgetFull() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for host, c := range l.clients {
		if c.Tokens() >= loginBurst {
			delete(l.clients, host)
		}
	}
}

// Limit answers 429 to a client over its rate.
func (l *limiter) Limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !l.allow(r) {
			w.Header().Set("Retry-After", "10")
			http.Error(w, "Příliš mnoho pokusů o přihlášení. Zkuste to prosím za chvíli. / Too many login attempts; try again shortly.", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
