// Package web is the HTTP side of Radnice: the router, middleware, JSON API, pages and assets.
// Each area of the portal lives in its own folder with its handlers and views.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/account"
	"github.com/radnice/radnice/web/addresses"
	"github.com/radnice/radnice/web/admin"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/catchments"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/forms"
	"github.com/radnice/radnice/web/health"
	"github.com/radnice/radnice/web/home"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/inbox"
	"github.com/radnice/radnice/web/integration"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/lookup"
	"github.com/radnice/radnice/web/middleware"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/outbox"
	"github.com/radnice/radnice/web/problem"
	"github.com/radnice/radnice/web/search"
	"github.com/radnice/radnice/web/situations"
	"github.com/radnice/radnice/web/staff"
	"github.com/radnice/radnice/web/static"
	"github.com/radnice/radnice/web/videos"
	"github.com/radnice/radnice/web/widget"
)

// Config is what the portal takes from its surroundings.
type Config struct {
	Pool   *pgxpool.Pool
	Logger *slog.Logger  // nil: discard
	Lookup lookup.Config // the map's basemap, the answer cache
	Town   *town.Town    // nil: the demo town
	Auth   auth.Config   // the identity providers and sessions
	Outbox outbox.Config // where e-mails and webhooks go; none: they wait in the outbox
}

// Handler builds the portal's HTTP handler. ctx bounds its background work.
func Handler(ctx context.Context, cfg Config) http.Handler {
	pool, logger := cfg.Pool, cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Town == nil {
		demo, err := town.Read(demotown.TownConfig())
		if err != nil {
			panic(err) // embedded and tested: cannot fail
		}
		cfg.Town = &demo
	}
	login := auth.New(ctx, pool, cfg.Auth)
	r := chi.NewRouter()
	r.Use(middleware.Recover(logger), middleware.Log(logger), middleware.SecurityHeaders(middleware.Sources{Images: []string{cfg.Lookup.Basemap.TileSource()}, Forms: login.Origins()}),
		crossOriginProtection, apiCORS, i18n.Middleware, layout.WithTown(cfg.Town),
		layout.WithFooterStatus(contacts.NewStatusCache(contacts.NewStore(pool)).FooterLine), login.Middleware)
	health.Routes(r, pool)
	login.Routes(r)
	staff.Routes(r, pool, login.Store())
	r.Handle("/static/*", http.StripPrefix("/static/", static.Handler()))
	home.Routes(r, cfg.Town, pool)
	store := geo.NewStore(pool)
	addresses.Routes(r, store)
	lookup.Routes(ctx, r, store, cfg.Lookup)
	account.Routes(r, pool, store, account.Config{EndSession: login.EndSession,
		Submissions: []account.Provider{inbox.DraftItems(pool), inbox.AccountItems(pool)},
		Exporters:   []account.Exporter{inbox.AccountExport(pool)}})
	keys := admin.NewKeys(pool)
	admin.Routes(r, store, keys)
	admin.SubmissionRoutes(r, keys, integration.NewStore(pool, cfg.Outbox.PublicURL))
	widget.Routes(r)
	contactsConfig := contacts.Config{Town: cfg.Town.Title, Address: cfg.Town.Address}
	contacts.Routes(r, pool, contactsConfig)
	contacts.StaffRoutes(r, pool, contactsConfig)
	notices.Routes(r, pool)
	notices.StaffRoutes(r, pool)
	situations.Routes(r, pool)
	situations.StaffRoutes(r, pool)
	search.Routes(r, pool, store)
	videos.Routes(r, pool)
	videos.StaffRoutes(r, pool)
	catchments.Routes(r, pool)
	forms.Routes(r, pool, store, forms.Config{Session: login})
	inbox.Routes(r, pool)
	mail := cfg.Outbox
	mail.Town, mail.Logger, mail.MinePath = cfg.Town, logger, inbox.MinePath
	outbox.Start(ctx, pool, mail)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			problem.Write(w, r, http.StatusNotFound, "No such API endpoint.")
			return
		}
		layout.NotFound(w, r)
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		problem.Write(w, r, http.StatusMethodNotAllowed, "The method "+r.Method+" is not allowed here.")
	})
	return r
}

// crossOriginProtection refuses state-changing requests that a browser sent from another site
// (Sec-Fetch-Site, else Origin against Host), so forms need no tokens.
func crossOriginProtection(next http.Handler) http.Handler {
	return http.NewCrossOriginProtection().Handler(next)
}

// apiCORS lets web pages of any origin read the public API under /api/v1/: GET from anywhere,
// never with credentials. It answers preflight requests (OPTIONS) itself, before routing, and
// exposes the ETag so that scripts can revalidate with If-None-Match.
func apiCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/v1/") {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Expose-Headers", "ETag")
		if r.Method == http.MethodOptions {
			h.Set("Allow", "GET, OPTIONS")
			h.Set("Access-Control-Allow-Methods", "GET")
			h.Set("Access-Control-Allow-Headers", "If-None-Match")
			h.Set("Access-Control-Max-Age", "86400")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
