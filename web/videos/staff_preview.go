package videos

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// preview shows a guide, in whatever state, as its public page shows it, under a banner that
// leads back to editing; its player plays the files from the editors' addresses. A guide never
// published shows today's date, which publishing would give it.
func (h *handler) preview(w http.ResponseWriter, r *http.Request) {
	slug := chi.URLParam(r, "slug")
	g, err := h.store.guide(r.Context(), slug, false)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	if g.PublishedOn.IsZero() {
		g.PublishedOn = geo.PragueDate(time.Now())
	}
	layout.Render(w, r, guidePage(guideView{Guide: g, EditPath: staffGuidePath(slug)}))
}
