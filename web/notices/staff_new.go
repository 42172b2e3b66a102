package notices

import (
	"net/http"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// newNotice shows the empty form of a new notice.
func (h *Handler) newNotice(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, editPage(editView{}))
}

// createNotice writes the submitted new notice as a draft and goes on to its editing screen,
// where attachments are added; a form with problems comes back with them.
func (h *Handler) createNotice(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	form := readNoticeForm(r)
	fields, errs := form.fields(ctx, editorial.Draft)
	if len(errs) > 0 {
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, editPage(editView{Form: form, Errors: errs}))
		return
	}
	id, err := h.store.Create(ctx, auth.UserFrom(ctx), fields, today())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	redirectDone(w, r, id, doneCreated)
}
