package contacts

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// previewDepartment shows a department in any state as its public page will, under a banner
// leading back to its editing screen.
func (h *Handler) previewDepartment(w http.ResponseWriter, r *http.Request) {
	code := chi.URLParam(r, "code")
	d, err := h.store.withDrafts().Department(r.Context(), code)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, departmentPage(departmentView{DepartmentDetail: d, Office: h.cfg.Address, Preview: EditDepartmentPath(code)}))
}

// previewPerson shows a person in any state as their public page will, under a banner leading
// back to their editing screen.
func (h *Handler) previewPerson(w http.ResponseWriter, r *http.Request) {
	p, ok := h.personFrom(w, r, h.store.withDrafts())
	if ok {
		layout.Render(w, r, personPage(personView{PersonDetail: p, Office: h.cfg.Address, Preview: EditPersonPath(p.Person.ID)}))
	}
}
