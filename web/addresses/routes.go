package addresses

import (
	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
)

// Handler serves the address feature.
type Handler struct {
	store *geo.Store
}

// Routes mounts the API under /api/v1/addresses and the pages under /adresa.
func Routes(r chi.Router, store *geo.Store) {
	h := &Handler{store: store}
	r.Get("/api/v1/addresses", h.apiSearch)
	r.Get("/api/v1/addresses/nearest", h.apiNearest)
	r.Get("/api/v1/addresses/{id}", h.apiGet)
	r.Get("/adresa", h.findPage)
	r.Post("/adresa", h.findPage)
	r.Get("/adresa/{id}", h.addressPage)
}
