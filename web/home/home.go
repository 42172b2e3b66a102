// Package home is the portal's front page and the pages about the portal itself: the
// accessibility statement and the open data list, with the town's coat of arms and colours.
package home

import (
	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/situations"
)

// Handler serves the front page and the pages about the portal.
type Handler struct {
	town       *town.Town
	situations *situations.Store
	notices    *notices.Store
}

// Routes mounts the front page at /, the town's coat of arms and colours under /mesto/, and
// the accessibility statement and open data pages.
func Routes(r chi.Router, t *town.Town, pool *pgxpool.Pool) {
	h := &Handler{town: t, situations: situations.NewStore(pool), notices: notices.NewStore(pool)}
	r.Get("/", h.homePage)
	r.Get("/mesto/znak", h.coatOfArms)
	r.Get("/mesto/barvy.css", h.colours)
	r.Get("/prohlaseni-o-pristupnosti", h.accessibilityPage)
	r.Get("/otevrena-data", h.openDataPage)
}
