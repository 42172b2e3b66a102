package contacts

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// departmentPage serves /kontakty/odbor/{code}: a department with its sections, people and agendas.
func (h *Handler) departmentPage(w http.ResponseWriter, r *http.Request) {
	d, err := h.store.Department(r.Context(), chi.URLParam(r, "code"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, departmentPage(departmentView{DepartmentDetail: d, Office: h.cfg.Address}))
}
