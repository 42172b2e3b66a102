package situations

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// preview shows a situation in any state as its public page will, under a banner leading back
// to its editing screen.
func (h *handler) preview(w http.ResponseWriter, r *http.Request) {
	h.show(w, r, h.store.withDrafts(), EditPath(chi.URLParam(r, "slug")))
}
