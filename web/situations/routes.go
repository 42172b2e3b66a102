// Package situations is the life situations (životní situace), the portal's signpost: what to
// do when you move, get a dog or have a baby. It lists them by category, searches them without
// regard to diacritics and shows each one with what to prepare, fees, deadlines, the forms that
// do it online, video guides, who handles it (the agenda's contacts, from web/contacts) and its
// legal basis. The content comes from the town's files (datasets/situations) through Load.
package situations

import (
	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/contacts"
)

// handler serves the life situations' pages.
type handler struct {
	store    *Store
	contacts *contacts.Store // who handles each situation's agenda
}

// Routes mounts the pages: the signpost with its search at /zivotni-situace, the categories at
// /zivotni-situace/kategorie/{slug} and each situation at /zivotni-situace/{slug}.
func Routes(r chi.Router, pool *pgxpool.Pool) {
	h := &handler{store: NewStore(pool), contacts: contacts.NewStore(pool)}
	r.Get("/zivotni-situace", h.index)
	r.Get("/zivotni-situace/kategorie/{slug}", h.category)
	r.Get("/zivotni-situace/{slug}", h.situation)
}
