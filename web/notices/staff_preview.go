package notices

import (
	"net/http"

	"github.com/radnice/radnice/web/layout"
)

// preview shows a notice, in whatever state, as its public page shows it, under a banner that
// leads back to editing. A notice without a posting date shows today's, which publishing
// would give it.
func (h *Handler) preview(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	day := today()
	n := e.Notice
	if n.Posted.IsZero() {
		n.Posted = day
	}
	layout.Render(w, r, noticePage(noticeView{Notice: n, Current: n.Current(day), EditPath: staffNoticePath(e.ID)}))
}
