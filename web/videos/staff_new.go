package videos

import (
	"net/http"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// newGuide shows the empty form of a new guide.
func (h *handler) newGuide(w http.ResponseWriter, r *http.Request) {
	offered, err := h.store.SituationChoices(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, editPage(editView{Offered: offered}))
}

// createGuide writes the submitted new guide as a draft and goes on to its editing screen,
// where its video file is uploaded; a form with problems comes back with them.
func (h *handler) createGuide(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v, fields, ok := h.submittedForm(w, r, Editable{})
	if !ok {
		return
	}
	if len(v.Errors) > 0 {
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, editPage(v))
		return
	}
	slug, err := h.store.Create(ctx, auth.UserFrom(ctx), fields)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	redirectDone(w, r, slug, doneCreated)
}
