package contacts

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// newDepartment serves the form of a new department.
func (h *Handler) newDepartment(w http.ResponseWriter, r *http.Request) {
	h.renderDepartment(w, r, http.StatusOK, departmentScreen{Form: departmentForm{Order: "0"}})
}

// createDepartment creates a draft department from the posted form and goes on to its
// editing screen; a form with errors comes back with them.
func (h *Handler) createDepartment(w http.ResponseWriter, r *http.Request) {
	s := departmentScreen{Form: readDepartmentForm(r)}
	var err error
	if s.Tree, err = h.store.Tree(r.Context()); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	d, errs := s.Form.department(r.Context(), s.Tree)
	if len(errs) > 0 {
		s.Errors = errs
		h.renderDepartment(w, r, http.StatusUnprocessableEntity, s)
		return
	}
	code, err := h.store.CreateDepartment(r.Context(), auth.UserFrom(r.Context()), d)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	redirectDone(w, r, EditDepartmentPath(code), doneCreated)
}

// editDepartment serves a department's editing screen: its state with the actions that
// change it, the links to its preview and public page, the form and its deletion.
func (h *Handler) editDepartment(w http.ResponseWriter, r *http.Request) {
	d, err := h.store.EditedDepartment(r.Context(), chi.URLParam(r, "code"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	s := departmentScreen{Form: departmentFormOf(d.Department), Edited: &d}
	s.Notice = doneNotice(r, "department")
	h.renderDepartment(w, r, http.StatusOK, s)
}

// updateDepartment saves the posted form over the department (renamed, moved in the tree)
// and comes back to its screen; a form with errors, or a move under itself, comes back with
// them.
func (h *Handler) updateDepartment(w http.ResponseWriter, r *http.Request) {
	edited, err := h.store.EditedDepartment(r.Context(), chi.URLParam(r, "code"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	s := departmentScreen{Form: readDepartmentForm(r), Edited: &edited}
	if s.Tree, err = h.store.Tree(r.Context()); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	d, errs := s.Form.department(r.Context(), s.Tree)
	if len(errs) == 0 {
		err = h.store.UpdateDepartment(r.Context(), auth.UserFrom(r.Context()), edited.Code, d)
		switch {
		case errors.Is(err, errCycle):
			errs.Add("parent", staffMsg.T(r.Context(), "err-cycle"))
		case err != nil:
			layout.Error(w, r, err)
			return
		}
	}
	if len(errs) > 0 {
		s.Errors = errs
		h.renderDepartment(w, r, http.StatusUnprocessableEntity, s)
		return
	}
	redirectDone(w, r, EditDepartmentPath(edited.Code), doneSaved)
}

// renderDepartment writes the department screen s with status, with the tree to choose from.
func (h *Handler) renderDepartment(w http.ResponseWriter, r *http.Request, status int, s departmentScreen) {
	if s.Tree == nil {
		var err error
		if s.Tree, err = h.store.Tree(r.Context()); err != nil {
			layout.ServerError(w, r, err)
			return
		}
	}
	layout.RenderStatus(w, r, status, departmentFormPage(s))
}
