package situations

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// setState moves a situation to the posted state (publish, withdraw, back to draft) and comes
// back to its editing screen, which shows the state it is in: also when someone else moved it
// first and the move no longer applies.
func (h *handler) setState(w http.ResponseWriter, r *http.Request) {
	slug := chi.URLParam(r, "slug")
	to, err := editorial.ParseState(r.PostFormValue("state"))
	if err == nil {
		err = h.store.SetState(r.Context(), auth.UserFrom(r.Context()), slug, to)
	}
	switch {
	case geo.ErrorCode(err) == geo.EINVALID:
		redirectToEdit(w, r, slug, "")
	case err != nil:
		layout.Error(w, r, err)
	default:
		redirectToEdit(w, r, slug, doneState)
	}
}
