package contacts

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// newPerson serves the form of a new person, in the department ?utvar= when given.
func (h *Handler) newPerson(w http.ResponseWriter, r *http.Request) {
	h.renderPerson(w, r, http.StatusOK, personScreen{Form: personForm{Department: r.URL.Query().Get("utvar"), Order: "0"}})
}

// createPerson creates a draft person from the posted form and goes on to their editing
// screen; a form with errors comes back with them.
func (h *Handler) createPerson(w http.ResponseWriter, r *http.Request) {
	s := personScreen{Form: readPersonForm(r)}
	p, ok := h.checkPerson(w, r, &s)
	if !ok {
		return
	}
	id, err := h.store.CreatePerson(r.Context(), auth.UserFrom(r.Context()), p)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	redirectDone(w, r, EditPersonPath(id), doneCreated)
}

// editPerson serves a person's editing screen: their state with the actions that change it
// (withdrawn when they leave), the links to their preview and public page, and the form.
func (h *Handler) editPerson(w http.ResponseWriter, r *http.Request) {
	p, ok := h.editedPerson(w, r)
	if !ok {
		return
	}
	s := personScreen{Form: personFormOf(p), Edited: &p}
	s.Notice = doneNotice(r, "person")
	h.renderPerson(w, r, http.StatusOK, s)
}

// updatePerson saves the posted form over the person and comes back to their screen; a form
// with errors comes back with them.
func (h *Handler) updatePerson(w http.ResponseWriter, r *http.Request) {
	edited, ok := h.editedPerson(w, r)
	if !ok {
		return
	}
	s := personScreen{Form: readPersonForm(r), Edited: &edited}
	p, ok := h.checkPerson(w, r, &s)
	if !ok {
		return
	}
	if err := h.store.UpdatePerson(r.Context(), auth.UserFrom(r.Context()), edited.ID, p); err != nil {
		layout.Error(w, r, err)
		return
	}
	redirectDone(w, r, EditPersonPath(edited.ID), doneSaved)
}

// editedPerson reads the person the path names; when it cannot, it answers the request itself.
func (h *Handler) editedPerson(w http.ResponseWriter, r *http.Request) (PersonRecord, bool) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil { // the route admits only digits: too many of them
		layout.NotFound(w, r)
		return PersonRecord{}, false
	}
	p, err := h.store.EditedPerson(r.Context(), id)
	if err != nil {
		layout.Error(w, r, err)
		return PersonRecord{}, false
	}
	return p, true
}

// checkPerson reads the person the form of s describes; when the form has errors, it answers
// with the screen showing them.
func (h *Handler) checkPerson(w http.ResponseWriter, r *http.Request, s *personScreen) (PersonRecord, bool) {
	if !h.loadPersonChoices(w, r, s) {
		return PersonRecord{}, false
	}
	p, errs := s.Form.person(r.Context(), s.Tree, s.Agendas)
	if len(errs) > 0 {
		s.Errors = errs
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, personFormPage(*s))
		return PersonRecord{}, false
	}
	return p, true
}

// renderPerson writes the person screen s with status.
func (h *Handler) renderPerson(w http.ResponseWriter, r *http.Request, status int, s personScreen) {
	if h.loadPersonChoices(w, r, &s) {
		layout.RenderStatus(w, r, status, personFormPage(s))
	}
}

// loadPersonChoices reads the departments and agendas a person can be given into s; when it
// cannot, it answers the request itself.
func (h *Handler) loadPersonChoices(w http.ResponseWriter, r *http.Request, s *personScreen) bool {
	var err error
	if s.Tree, err = h.store.Tree(r.Context()); err == nil {
		s.Agendas, err = h.store.AgendaNames(r.Context())
	}
	if err != nil {
		layout.ServerError(w, r, err)
		return false
	}
	return true
}
