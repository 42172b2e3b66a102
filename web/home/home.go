// Package home is the portal's front page.
package home

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// Routes mounts the front page at /.
func Routes(r chi.Router) {
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		layout.Render(w, r, homePage())
	})
}
