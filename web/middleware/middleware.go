// Package middleware holds the HTTP middleware every request passes through.
package middleware

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
)

// statusRecorder remembers the status and size of a response for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Log writes one structured line per request. It logs the route pattern, never the raw path
// or query string, so searched addresses and other personal data stay out of the logs.
func Log(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			route := "unmatched"
			if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
				route = rc.RoutePattern()
			}
			logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("method", r.Method),
				slog.String("route", route),
				slog.Int("status", rec.status),
				slog.Int("bytes", rec.bytes),
				slog.Duration("duration", time.Since(start)))
		})
	}
}

// Recover turns a panic into a 500 answer and logs the stack.
func Recover(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					logger.ErrorContext(r.Context(), "panic", "value", v, "stack", string(debug.Stack()))
					http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
				}
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// contentSecurityPolicy allows only the portal's own scripts, styles and images: no inline
// code, no third-party origin. The two %s are where SecurityHeaders adds further image sources
// and form targets.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:%s; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'%s; frame-ancestors 'none'"

// Sources are the other origins (CSP source expressions such as "https://tiles.example.org")
// the portal's pages use; empty ones are skipped.
type Sources struct {
	Images []string // a map tile server
	Forms  []string // where forms lead through redirects: the identity providers' login and logout
}

// SecurityHeaders sets the headers every response carries; HSTS only behind TLS.
func SecurityHeaders(other Sources) func(http.Handler) http.Handler {
	csp := fmt.Sprintf(contentSecurityPolicy, sourceList(other.Images), sourceList(other.Forms))
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", csp)
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "same-origin")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			if ViaTLS(r) {
				h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
			}
			next.ServeHTTP(w, r)
		})
	}
}

// sourceList is the non-empty sources, each after a space.
func sourceList(sources []string) string {
	var b strings.Builder
	for _, src := range sources {
		if src != "" {
			b.WriteString(" " + src)
		}
	}
	return b.String()
}

// ViaTLS reports whether the request came over TLS: directly, or through a proxy that says so.
func ViaTLS(r *http.Request) bool {
	return r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}

// PortalURL is the portal's address as the request reached it ("https://portal.example"), for
// the absolute addresses that open data, feeds and embedding snippets need.
func PortalURL(r *http.Request) string {
	if ViaTLS(r) {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}
