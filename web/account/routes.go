// Package account is the personal account ("Osobní účet") under /muj-ucet: the person's
// details from their eID, their contact details, "my address" with what applies there, the
// places where their submissions and payments appear, the download of their data and the
// deletion of the account. Other features fill its sections and its data download through
// Config.
package account

import (
	"context"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
)

// Config is what the rest of the portal gives the account.
type Config struct {
	// EndSession logs the request's person out once their account is deleted
	// (auth.Service.EndSession).
	EndSession func(ctx context.Context) error
	// Submissions and Payments fill the sections "Moje podání" and "Platby a poplatky".
	Submissions []Provider
	Payments    []Provider
	// Exporters add the features' parts to the download of the person's data.
	Exporters []Exporter
}

// Handler serves the personal account.
type Handler struct {
	store       *Store
	geo         *geo.Store
	endSession  func(ctx context.Context) error
	submissions []Provider
	payments    []Provider
	exporters   []Exporter
}

// Routes mounts the account's pages under /muj-ucet, for any logged-in person, and the page
// that confirms a deletion, for the person who is no longer logged in.
func Routes(r chi.Router, pool *pgxpool.Pool, store *geo.Store, cfg Config) {
	h := &Handler{store: NewStore(pool), geo: store, endSession: cfg.EndSession,
		submissions: cfg.Submissions, payments: cfg.Payments, exporters: cfg.Exporters}
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleCitizen))
		r.Get("/muj-ucet", h.overviewPage)
		r.Get("/muj-ucet/udaje", h.contactPage)
		r.Post("/muj-ucet/udaje", h.contactPage)
		r.Get("/muj-ucet/adresa", h.addressPage)
		r.Post("/muj-ucet/adresa", h.addressPage)
		r.Get("/muj-ucet/data", h.download)
		r.Get("/muj-ucet/zruseni", h.deletePage)
		r.Post("/muj-ucet/zruseni", h.deletePage)
	})
	r.Get("/muj-ucet/zruseno", deletedPage)
}

// now is the clock; tests set it through export_test.go.
var now = time.Now
