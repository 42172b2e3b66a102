package contacts

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// deleteDepartment deletes an empty department and goes back to the tree; one that holds
// something stays, and its screen says why.
func (h *Handler) deleteDepartment(w http.ResponseWriter, r *http.Request) {
	code := chi.URLParam(r, "code")
	err := h.store.DeleteDepartment(r.Context(), auth.UserFrom(r.Context()), code)
	switch {
	case errors.Is(err, errNotEmpty):
		redirectDone(w, r, EditDepartmentPath(code), "")
	case err != nil:
		layout.Error(w, r, err)
	default:
		redirectDone(w, r, staffPath, doneDeleted)
	}
}
