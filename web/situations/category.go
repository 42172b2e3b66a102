package situations

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// category serves a category's page: its situations with their summaries.
func (h *handler) category(w http.ResponseWriter, r *http.Request) {
	g, err := h.store.Group(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, categoryPage(g))
}
