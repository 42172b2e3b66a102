package notices

import (
	"errors"
	"net/http"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// stateHeading is the id of the heading of editorial.Actions, where a refused move points to.
const stateHeading = "editorial-state"

// changeState publishes, withdraws or returns to draft a notice, as editorial.Actions posts.
// Posting the state the notice is in already (a second click) changes nothing.
func (h *Handler) changeState(w http.ResponseWriter, r *http.Request) {
	e, ok := h.editable(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	to, err := editorial.ParseState(r.PostFormValue("state"))
	if err != nil {
		http.Error(w, "unknown state", http.StatusBadRequest)
		return
	}
	if to == e.State {
		redirectDone(w, r, e.ID, string(to))
		return
	}
	var errs layout.FieldErrors
	status := http.StatusUnprocessableEntity
	switch err := h.store.SetState(ctx, auth.UserFrom(ctx), e.ID, to, today()); {
	case errors.Is(err, ErrPeriodOver):
		errs.Add(fieldUntil, msg.T(ctx, "error-period-over"))
	case geo.ErrorCode(err) == geo.EINVALID: // a screen older than the notice's state
		errs.Add(stateHeading, msg.T(ctx, "error-state-changed", e.State.Label(ctx)))
		status = http.StatusConflict
	case err != nil:
		layout.Error(w, r, err)
		return
	default:
		redirectDone(w, r, e.ID, string(to))
		return
	}
	layout.RenderStatus(w, r, status, editPage(editView{Notice: e, Form: formOf(e), Errors: errs}))
}
