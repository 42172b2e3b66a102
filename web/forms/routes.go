// Package forms is the citizens' side of the electronic forms under /formulare: the list of
// forms, each form's start page, its steps with every field type (datasets/formdefs, checked
// by web/forms/engine), drafts saved at every step and resumable, the check of the answers,
// the submission, made once however often it is sent, with its receipt and printable
// confirmation, and the confirmation by e-mail of what was filed without logging in. The
// forms come from the town's content files through Load, each change a new version.
package forms

import (
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/contacts"
)

// Config is what the forms take from the rest of the portal.
type Config struct {
	// Session keeps what a visitor fills in and files without logging in (auth.Service).
	Session Session
}

// handler serves the forms' pages.
type handler struct {
	store    *Store
	geo      *geo.Store
	contacts *contacts.Store // who handles a form's agenda
	session  Session
}

// Routes mounts the forms' pages. All are open to anyone; a form that cannot be filed
// without logging in sends an anonymous visitor to log in from its steps.
func Routes(r chi.Router, pool *pgxpool.Pool, store *geo.Store, cfg Config) {
	h := &handler{store: NewStore(pool), geo: store, contacts: contacts.NewStore(pool), session: cfg.Session}
	r.Get("/formulare", h.index)
	r.Get("/formulare/{slug}", h.start)
	r.Post("/formulare/{slug}", h.begin)
	r.Get("/formulare/{slug}/krok/{n:[0-9]+}", h.step)
	r.Post("/formulare/{slug}/krok/{n:[0-9]+}", h.step)
	r.Get("/formulare/{slug}/kontrola", h.check)
	r.Post("/formulare/{slug}/odeslat", h.submit)
	r.Get("/formulare/podano/{receipt}", h.receipt)
	r.Get("/formulare/podano/{receipt}/potvrzeni", h.confirmation)
	r.Get("/formulare/potvrzeni/{token}", h.confirm)
	r.Post("/formulare/potvrzeni/{token}", h.confirm)
}

// now is the clock; tests set it through export_test.go.
var now = time.Now

// today is the office's calendar day, which dates in forms are judged against.
func today() time.Time { return now().In(geo.Prague) }
