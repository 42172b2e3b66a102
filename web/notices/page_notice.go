package notices

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// noticeView is a notice's page: the notice, and whether it is still on the board.
type noticeView struct {
	Notice  Notice
	Current bool
}

// noticePage serves a notice with its attachments, on the board or archived.
func (h *Handler) noticePage(w http.ResponseWriter, r *http.Request) {
	day := today()
	n, err := h.store.Notice(r.Context(), chi.URLParam(r, "slug"), day)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, noticePage(noticeView{Notice: n, Current: n.Current(day)}))
}
