package videos

import (
	"errors"
	"net/http"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// stateHeading is the id of the heading of editorial.Actions, where a refused move points to.
const stateHeading = "editorial-state"

// changeState publishes, withdraws or returns to draft a guide, as editorial.Actions posts.
// Posting the state the guide is in already (a second click) changes nothing.
func (h *handler) changeState(w http.ResponseWriter, r *http.Request) {
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
		redirectDone(w, r, e.Slug, string(to))
		return
	}
	var errs layout.FieldErrors
	status := http.StatusUnprocessableEntity
	switch err := h.store.SetState(ctx, auth.UserFrom(ctx), e.Slug, to, geo.PragueDate(time.Now())); {
	case errors.Is(err, ErrNoVideo):
		errs.Add(fieldVideo, msg.T(ctx, "error-publish-video"))
	case errors.Is(err, ErrNoCaptions):
		errs.Add(fieldCaptions, msg.T(ctx, "error-publish-captions"))
	case geo.ErrorCode(err) == geo.EINVALID: // a screen older than the guide's state
		errs.Add(stateHeading, msg.T(ctx, "error-state-changed", e.State.Label(ctx)))
		status = http.StatusConflict
	case err != nil:
		layout.Error(w, r, err)
		return
	default:
		redirectDone(w, r, e.Slug, string(to))
		return
	}
	h.showProblems(w, r, e, status, errs)
}
