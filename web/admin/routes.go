// Package admin is the portal's non-public API for the town's own systems, authenticated by
// API keys (made with `radnice apikey create`): the data-quality report of the areas, and the
// submissions of the electronic forms for the town's information system to pull.
package admin

import (
	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/integration"
)

// Handler serves the admin API.
type Handler struct {
	store *geo.Store
	keys  *Keys
	subs  *integration.Store
}

// Routes mounts the admin API under /api/v1/admin.
func Routes(r chi.Router, store *geo.Store, keys *Keys) {
	h := &Handler{store: store, keys: keys}
	r.With(h.requireScope(ScopeReports)).Get("/api/v1/admin/reports/areas", h.apiAreaReport)
}

// SubmissionRoutes mounts the submissions' pull API under /api/v1/admin/submissions.
func SubmissionRoutes(r chi.Router, keys *Keys, subs *integration.Store) {
	h := &Handler{keys: keys, subs: subs}
	r.Group(func(r chi.Router) {
		r.Use(h.requireScope(ScopeSubmissions))
		r.Get("/api/v1/admin/submissions", h.apiSubmissions)
		r.Get("/api/v1/admin/submissions/{id:[0-9]+}", h.apiSubmission)
		r.Get("/api/v1/admin/submissions/{id:[0-9]+}/files/{file}", h.apiSubmissionFile)
	})
}
