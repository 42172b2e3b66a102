package videos

import (
	"net/http"

	"github.com/radnice/radnice/web/layout"
)

// staffList lists the guides in every state, newest first.
func (h *handler) staffList(w http.ResponseWriter, r *http.Request) {
	list, err := h.store.EditorList(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, staffListPage(list))
}
