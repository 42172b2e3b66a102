package videos

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// editView is the editing screen of a guide (of a new one when its Slug is ""): the form as
// shown with the life situations it offers, the problems of what was just submitted, and the
// change just made.
type editView struct {
	Guide   Editable
	Form    guideForm
	Offered []SituationGroup
	Errors  layout.FieldErrors
	Done    string // one of the done… values, or ""
}

// After a change the editing screen says what was done: ?zmena= one of these.
const (
	paramDone   = "zmena"
	doneCreated = "vytvoreno"
	doneSaved   = "ulozeno"
	doneVideo   = "video-nahrano"
	// a state change says the state it made, e.g. "published"
)

// editable reads the guide the request's {slug} names; it answers the request itself (404,
// 500) and returns false when it cannot.
func (h *handler) editable(w http.ResponseWriter, r *http.Request) (Editable, bool) {
	e, err := h.store.Editable(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return Editable{}, false
	}
	return e, true
}

// screen is the editing screen of e with its form as stored, offering the life situations.
func (h *handler) screen(w http.ResponseWriter, r *http.Request, e Editable) (editView, bool) {
	offered, err := h.store.SituationChoices(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return editView{}, false
	}
	return editView{Guide: e, Form: formOf(e), Offered: offered}, true
}

// showProblems answers with the editing screen of e, its form as stored, showing errs.
func (h *handler) showProblems(w http.ResponseWriter, r *http.Request, e Editable, status int, errs layout.FieldErrors) {
	v, ok := h.screen(w, r, e)
	if !ok {
		return
	}
	v.Errors = errs
	layout.RenderStatus(w, r, status, editPage(v))
}

// submittedForm reads and checks the guide form submitted for e; it answers the request
// itself and returns false when it cannot.
func (h *handler) submittedForm(w http.ResponseWriter, r *http.Request, e Editable) (editView, GuideFields, bool) {
	v, ok := h.screen(w, r, e)
	if !ok {
		return v, GuideFields{}, false
	}
	form, errs, err := readGuideForm(w, r)
	if err != nil {
		http.Error(w, "malformed form", http.StatusBadRequest)
		return v, GuideFields{}, false
	}
	fields, more := form.fields(r.Context(), v.Offered)
	v.Form, v.Errors = form, append(errs, more...)
	return v, fields, true
}

// redirectDone sends the editor back to the editing screen of guide slug, which then says what
// was done.
func redirectDone(w http.ResponseWriter, r *http.Request, slug, done string) {
	http.Redirect(w, r, i18n.Path(r.Context(), staffGuidePath(slug))+"?"+paramDone+"="+done, http.StatusSeeOther)
}

// editGuide shows a guide's editing screen.
func (h *handler) editGuide(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	v, ok := h.screen(w, r, e)
	if !ok {
		return
	}
	v.Done = r.URL.Query().Get(paramDone)
	layout.Render(w, r, editPage(v))
}

// updateGuide saves the submitted form of a guide in whatever state it is; a form with
// problems comes back with them.
func (h *handler) updateGuide(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	v, fields, ok := h.submittedForm(w, r, e)
	if !ok {
		return
	}
	if len(v.Errors) > 0 {
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, editPage(v))
		return
	}
	if err := h.store.Update(ctx, auth.UserFrom(ctx), e.Slug, fields); err != nil {
		layout.Error(w, r, err)
		return
	}
	redirectDone(w, r, e.Slug, doneSaved)
}
