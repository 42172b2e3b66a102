package auth

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// Config is how the portal logs people in.
type Config struct {
	// PublicURL is where people reach the portal, e.g. "https://portal.koprivnice.cz"; it makes
	// the redirect URIs registered at the providers, and https makes cookies Secure. "" takes
	// the scheme and host of each request (development and tests on loopback).
	PublicURL string
	Citizens  *ProviderConfig // NIA (Identita občana); nil when citizens cannot log in
	Staff     *ProviderConfig // the town's own provider for staff; nil when there is none
	// IdleTimeout ends a session nobody used for that long; Lifetime ends any session.
	IdleTimeout, Lifetime time.Duration
}

// The providers' keys: they name identities in the database and appear in login paths.
const (
	ProviderCitizens = "nia"
	ProviderStaff    = "urad"
)

// Service logs people in and out and knows who is logged in.
type Service struct {
	store     *Store
	sessions  *scs.SessionManager
	providers map[string]*provider
	publicURL string
	limit     *limiter
}

// New returns the login service on pool; ctx bounds the cleanup of expired sessions.
func New(ctx context.Context, pool *pgxpool.Pool, cfg Config) *Service {
	store := pgxstore.NewWithCleanupInterval(pool, 10*time.Minute)
	context.AfterFunc(ctx, store.StopCleanup)
	sessions := scs.New()
	sessions.Store = store
	sessions.Cookie.Name = "radnice_session"
	sessions.Cookie.Secure = strings.HasPrefix(cfg.PublicURL, "https://")
	sessions.Cookie.SameSite = http.SameSiteLaxMode
	sessions.Cookie.HttpOnly = true
	sessions.IdleTimeout = cmpDuration(cfg.IdleTimeout, 30*time.Minute)
	sessions.Lifetime = cmpDuration(cfg.Lifetime, 12*time.Hour)
	sessions.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		slog.ErrorContext(r.Context(), "session", "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
	}
	s := &Service{
		store:     NewStore(pool),
		sessions:  sessions,
		providers: map[string]*provider{},
		publicURL: strings.TrimSuffix(cfg.PublicURL, "/"),
		limit:     newLimiter(ctx),
	}
	for name, pc := range map[string]*ProviderConfig{ProviderCitizens: cfg.Citizens, ProviderStaff: cfg.Staff} {
		if pc != nil {
			s.providers[name] = &provider{name: name, cfg: *pc}
		}
	}
	return s
}

// Origins are where logging in and out leads the browser: the providers' origins, which the
// page's security policy must allow as form targets.
func (s *Service) Origins() []string {
	var origins []string
	for _, p := range s.providers {
		for _, u := range []string{p.cfg.Issuer, p.cfg.DiscoveryURL} {
			if parsed, err := url.Parse(u); err == nil && parsed.Host != "" {
				origins = append(origins, parsed.Scheme+"://"+parsed.Host)
			}
		}
	}
	slices.Sort(origins)
	return slices.Compact(origins)
}

// Store is the accounts' store.
func (s *Service) Store() *Store { return s.store }

// cmpDuration is d, or def when d is zero.
func cmpDuration(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// Session keys.
const (
	keyAccount       = "account"        // int64: who is logged in
	keyProvider      = "provider"       // which provider they logged in through
	keyIDToken       = "id_token"       // the signed ID token, a hint for the provider's logout
	keyLoginProvider = "login.provider" // a login under way: where it went,
	keyLoginState    = "login.state"    // its state,
	keyLoginNonce    = "login.nonce"    // nonce,
	keyLoginVerifier = "login.verifier" // PKCE verifier,
	keyLoginBack     = "login.back"     // and the page to return to
	keyPending       = "registration"   // JSON Identity of someone registering
)

// Middleware loads the session and the logged-in user for every request but static assets.
// Requests without a session cookie cost nothing.
func (s *Service) Middleware(next http.Handler) http.Handler {
	withSession := s.sessions.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		account := s.sessions.GetInt64(r.Context(), keyAccount)
		if account == 0 {
			next.ServeHTTP(w, r)
			return
		}
		u, err := s.store.User(r.Context(), account)
		if geo.ErrorCode(err) == geo.ENOTFOUND {
			// The account was deleted in another session: this one ends too.
			if err := s.sessions.Destroy(r.Context()); err != nil {
				slog.ErrorContext(r.Context(), "end the session of a deleted account", "err", err)
			}
			next.ServeHTTP(w, r)
			return
		}
		if err != nil {
			slog.ErrorContext(r.Context(), "load the logged-in account", "err", err)
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
		ctx := layout.WithViewer(WithUser(r.Context(), u), &layout.Viewer{Name: u.Name(), Staff: u.IsStaff()})
		next.ServeHTTP(w, r.WithContext(ctx))
	}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		withSession.ServeHTTP(w, r)
	})
}

// EndSession logs the request's person out of the portal (not of their provider) on every
// device: for when their account is deleted. Their other sessions, which hold their ID token,
// go at once rather than at their next request.
func (s *Service) EndSession(ctx context.Context) error {
	account := s.sessions.GetInt64(ctx, keyAccount)
	if err := s.sessions.Destroy(ctx); err != nil {
		return fmt.Errorf("end the session: %w", err)
	}
	if account == 0 {
		return nil
	}
	err := s.sessions.Iterate(ctx, func(other context.Context) error {
		if s.sessions.GetInt64(other, keyAccount) != account {
			return nil
		}
		return s.sessions.Destroy(other)
	})
	if err != nil {
		return fmt.Errorf("end the other sessions of account %d: %w", account, err)
	}
	return nil
}

// baseURL is the portal's public address as r reached it.
func (s *Service) baseURL(r *http.Request) string {
	if s.publicURL != "" {
		return s.publicURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// SessionValue is the value a feature kept under key in the visitor's session, "" when none:
// what someone does without logging in (a form they fill in) stays theirs alone.
func (s *Service) SessionValue(ctx context.Context, key string) string {
	return s.sessions.GetString(ctx, "feature."+key)
}

// PutSessionValue keeps value under key in the visitor's session, starting one for a visitor
// who has none.
func (s *Service) PutSessionValue(ctx context.Context, key, value string) {
	s.sessions.Put(ctx, "feature."+key, value)
}
