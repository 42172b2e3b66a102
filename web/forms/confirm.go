package forms

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// confirmView is the page of the link that confirms a submission made without logging in.
type confirmView struct {
	Token     string
	Waiting   bool        // the submission waits for the confirmation
	Confirmed *Submission // what the post confirmed; nil before
}

// confirm serves the link e-mailed to whoever filed a form without logging in: the page asks
// to confirm (a post, so that a mail scanner following the link confirms nothing), and the
// post confirms the submission, which the office then receives, and shows its receipt.
func (h *handler) confirm(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v := confirmView{Token: chi.URLParam(r, "token")}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer") // the token stays out of other sites' logs
	var err error
	if r.Method == http.MethodGet {
		if v.Waiting, err = h.store.Unconfirmed(ctx, v.Token); err != nil {
			layout.Error(w, r, err)
			return
		}
		layout.Render(w, r, confirmPage(v))
		return
	}
	s, err := h.store.Confirm(ctx, v.Token, now())
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	remember(ctx, h.session, sessionSubmissions, strconv.FormatInt(s.ID, 10))
	v.Confirmed = &s
	layout.Render(w, r, confirmPage(v))
}
