package contacts

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// setDepartmentState moves a department to the posted state and comes back to its screen.
func (h *Handler) setDepartmentState(w http.ResponseWriter, r *http.Request) {
	code := chi.URLParam(r, "code")
	setState(w, r, EditDepartmentPath(code), func(to editorial.State) error {
		return h.store.SetDepartmentState(r.Context(), auth.UserFrom(r.Context()), code, to)
	})
}

// setPersonState moves a person to the posted state (withdrawn when they leave) and comes
// back to their screen.
func (h *Handler) setPersonState(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(chi.URLParam(r, "id"))
	if err != nil { // the route admits only digits: too many of them
		layout.NotFound(w, r)
		return
	}
	setState(w, r, EditPersonPath(id), func(to editorial.State) error {
		return h.store.SetPersonState(r.Context(), auth.UserFrom(r.Context()), id, to)
	})
}

// setState moves content to the posted state with move and goes back to its screen at
// editPath, which shows the state it is in: also when someone else moved it first and the
// move no longer applies.
func setState(w http.ResponseWriter, r *http.Request, editPath string, move func(editorial.State) error) {
	to, err := editorial.ParseState(r.PostFormValue("state"))
	if err == nil {
		err = move(to)
	}
	switch {
	case geo.ErrorCode(err) == geo.EINVALID:
		redirectDone(w, r, editPath, "")
	case err != nil:
		layout.Error(w, r, err)
	default:
		redirectDone(w, r, editPath, doneState)
	}
}
