package notices

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// noticeView is a notice's page: the notice, and whether it is still on the board. An editor's
// preview also has the path of the notice's editing screen, which serves its attachments.
type noticeView struct {
	Notice   Notice
	Current  bool
	EditPath string // "" on the public board
}

// attachmentHref is the address of an attachment of the notice shown.
func (v noticeView) attachmentHref(file string) string {
	if v.EditPath != "" {
		return staffAttachmentPath(v.EditPath, file)
	}
	return attachmentPath(v.Notice.Slug, file)
}

// noticePage serves a notice with its attachments, on the board or archived. A notice the
// office has withdrawn is gone (410), and its page says when; its content is no longer shown.
func (h *Handler) noticePage(w http.ResponseWriter, r *http.Request) {
	day := today()
	n, err := h.store.Notice(r.Context(), chi.URLParam(r, "slug"), day)
	var withdrawn *WithdrawnError
	switch {
	case errors.As(err, &withdrawn):
		layout.RenderStatus(w, r, http.StatusGone, withdrawnPage(withdrawn.On))
	case err != nil:
		layout.Error(w, r, err)
	default:
		layout.Render(w, r, noticePage(noticeView{Notice: n, Current: n.Current(day)}))
	}
}
