package notices

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// editView is the editing screen of a notice (of a new one when its ID is 0): the form as
// shown, the problems of what was just submitted, and the change just made.
type editView struct {
	Notice          Editable
	Form            noticeForm
	AttachmentTitle string
	Errors          layout.FieldErrors
	Done            string // one of the done… values, or ""
}

// After a change the editing screen says what was done: ?zmena= one of these.
const (
	paramDone             = "zmena"
	doneCreated           = "vytvoreno"
	doneSaved             = "ulozeno"
	doneAttachmentAdded   = "priloha-pridana"
	doneAttachmentRemoved = "priloha-odebrana"
	// a state change says the state it made, e.g. "published"
)

// editable reads the notice the request's {id} names; it answers the request itself (404, 500)
// and returns false when it cannot.
func (h *Handler) editable(w http.ResponseWriter, r *http.Request) (Editable, bool) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		layout.NotFound(w, r)
		return Editable{}, false
	}
	e, err := h.store.Editable(r.Context(), id)
	if err != nil {
		layout.Error(w, r, err)
		return Editable{}, false
	}
	return e, true
}

// redirectDone sends the editor back to the editing screen of notice id, which then says what was done.
func redirectDone(w http.ResponseWriter, r *http.Request, id int64, done string) {
	http.Redirect(w, r, i18n.Path(r.Context(), staffNoticePath(id))+"?"+paramDone+"="+done, http.StatusSeeOther)
}

// editNotice shows a notice's editing screen.
func (h *Handler) editNotice(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	layout.Render(w, r, editPage(editView{Notice: e, Form: formOf(e), Done: r.URL.Query().Get(paramDone)}))
}

// updateNotice saves the submitted form of a notice in whatever state it is; a form with
// problems comes back with them.
func (h *Handler) updateNotice(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	form := readNoticeForm(r)
	fields, errs := form.fields(ctx, e.State)
	if len(errs) > 0 {
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, editPage(editView{Notice: e, Form: form, Errors: errs}))
		return
	}
	if err := h.store.Update(ctx, auth.UserFrom(ctx), e.ID, fields); err != nil {
		layout.Error(w, r, err)
		return
	}
	redirectDone(w, r, e.ID, doneSaved)
}
