// Package admin is the portal's non-public API for the town's own systems, authenticated by
// API keys (made with `radnice apikey create`): the data-quality report of the areas.
package admin

import (
	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
)

// Handler serves the admin API.
type Handler struct {
	store *geo.Store
	keys  *Keys
}

// Routes mounts the admin API under /api/v1/admin.
func Routes(r chi.Router, store *geo.Store, keys *Keys) {
	h := &Handler{store: store, keys: keys}
	r.With(h.requireScope(ScopeReports)).Get("/api/v1/admin/reports/areas", h.apiAreaReport)
}
