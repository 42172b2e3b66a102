package addresses

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// addressPage shows one address point with its register details.
func (h *Handler) addressPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id <= 0 {
		layout.NotFound(w, r)
		return
	}
	a, err := h.store.Address(r.Context(), id)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, addressPage(a))
}
