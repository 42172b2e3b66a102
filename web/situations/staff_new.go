package situations

import (
	"errors"
	"net/http"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// newSituation serves the form of a new situation, last updated today.
func (h *handler) newSituation(w http.ResponseWriter, r *http.Request) {
	form := situationForm{Updated: geo.PragueDate(time.Now()).Format(time.DateOnly)}
	h.renderForm(w, r, http.StatusOK, formView{Form: form})
}

// createSituation creates a draft from the posted form and goes on to its editing screen; a
// form with errors comes back with them.
func (h *handler) createSituation(w http.ResponseWriter, r *http.Request) {
	v := formView{Form: readForm(r)}
	c, err := h.choices(r)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	v.Choices = c
	sit, errs := v.Form.situation(r.Context(), c)
	if len(errs) == 0 {
		err = h.store.Create(r.Context(), auth.UserFrom(r.Context()), sit)
		if errors.Is(err, errSlugTaken) {
			errs.Add("slug", staffMsg.T(r.Context(), "err-slug-taken"))
		} else if err != nil {
			layout.ServerError(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		v.Errors = errs
		h.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectToEdit(w, r, sit.Slug, doneCreated)
}
