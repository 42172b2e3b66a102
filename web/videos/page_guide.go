package videos

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// guide shows a guide: the player with its captions, the transcript and related situations.
func (h *handler) guide(w http.ResponseWriter, r *http.Request) {
	g, err := h.store.Get(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, guidePage(g))
}
