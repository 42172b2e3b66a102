package videos

import (
	"net/http"

	"github.com/radnice/radnice/web/layout"
)

// catalogue lists the published guides.
func (h *handler) catalogue(w http.ResponseWriter, r *http.Request) {
	guides, err := h.store.List(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, cataloguePage(guides))
}
