package situations

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// editSituation serves a situation's editing screen: its state with the actions that change
// it, the links to its preview and public page, and the form.
func (h *handler) editSituation(w http.ResponseWriter, r *http.Request) {
	e, err := h.store.Edited(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	v := formView{Form: formOf(e.Situation.Situation), Edited: &e}
	if done := r.URL.Query().Get("hotovo"); doneNotices[done] != "" {
		v.Notice = staffMsg.T(r.Context(), doneNotices[done])
	}
	h.renderForm(w, r, http.StatusOK, v)
}

// updateSituation saves the posted form over the situation and comes back to its screen, at
// its new address when the slug changed; a form with errors comes back with them.
func (h *handler) updateSituation(w http.ResponseWriter, r *http.Request) {
	e, err := h.store.Edited(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	v := formView{Form: readForm(r), Edited: &e}
	c, err := h.choices(r)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	v.Choices = c
	sit, errs := v.Form.situation(r.Context(), c)
	if len(errs) == 0 {
		err = h.store.Update(r.Context(), auth.UserFrom(r.Context()), e.Slug, sit)
		if errors.Is(err, errSlugTaken) {
			errs.Add("slug", staffMsg.T(r.Context(), "err-slug-taken"))
		} else if err != nil {
			layout.Error(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		v.Errors = errs
		h.renderForm(w, r, http.StatusUnprocessableEntity, v)
		return
	}
	redirectToEdit(w, r, sit.Slug, doneSaved)
}

// What an editing screen reports after a redirect: ?hotovo= and the notice's message key.
const (
	doneCreated = "zalozeno"
	doneSaved   = "ulozeno"
	doneState   = "stav"
)

var doneNotices = map[string]string{doneCreated: "created", doneSaved: "saved", doneState: "state-changed"}

// redirectToEdit sends the browser to the editing screen of the situation slug, reporting
// done unless it is "".
func redirectToEdit(w http.ResponseWriter, r *http.Request, slug, done string) {
	to := i18n.Path(r.Context(), EditPath(slug))
	if done != "" {
		to += "?hotovo=" + done
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// choices reads what the form's lists offer.
func (h *handler) choices(r *http.Request) (choices, error) {
	var c choices
	var err error
	if c.Categories, err = h.store.AllCategories(r.Context()); err != nil {
		return c, err
	}
	c.Agendas, err = h.contacts.AgendaNames(r.Context())
	return c, err
}

// renderForm writes the screen of v with status, with the lists of the form.
func (h *handler) renderForm(w http.ResponseWriter, r *http.Request, status int, v formView) {
	if v.Choices.Categories == nil {
		var err error
		if v.Choices, err = h.choices(r); err != nil {
			layout.ServerError(w, r, err)
			return
		}
	}
	layout.RenderStatus(w, r, status, formPage(v))
}
