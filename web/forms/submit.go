package forms

import (
	"crypto/rand"
	"net/http"
	"strconv"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// submit files the draft whose idempotency key the check page sent (klic), and leads to the
// receipt. A draft is filed once: a second click, the back button or a retry lands on the
// receipt of the first. Answers with problems go back to their check.
func (h *handler) submit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, ok := h.offered(w, r)
	if !ok {
		return
	}
	key := r.PostFormValue("klic")
	if uuidPattern.MatchString(key) {
		s, err := h.store.SubmissionByKey(ctx, key)
		switch {
		case err == nil && h.mayView(r, s):
			http.Redirect(w, r, i18n.Path(ctx, s.Path()), http.StatusSeeOther)
			return
		case err != nil && geo.ErrorCode(err) != geo.ENOTFOUND:
			layout.ServerError(w, r, err)
			return
		}
	}
	d, found, err := h.draftOf(r, f)
	switch {
	case err != nil:
		layout.ServerError(w, r, err)
		return
	case !found:
		http.Redirect(w, r, i18n.Path(ctx, f.Path()), http.StatusSeeOther)
		return
	}
	def := d.Form.Definition
	// A check page of an earlier draft, or answers that are not all there and right, go
	// back to the check of the draft as it is.
	if d.Key != key || !d.Complete() || len(engine.Validate(def, d.Answers, engine.AllSteps, today())) > 0 {
		http.Redirect(w, r, i18n.Path(ctx, f.Path()+"/kontrola"), http.StatusSeeOther)
		return
	}
	u := auth.UserFrom(ctx)
	in := filing{Answers: engine.Prune(def, d.Answers), At: now()}
	in.Applicant, in.Email = applicant(def, in.Answers, u), contactEmail(def, in.Answers, u)
	if d.Account == 0 {
		in.Token = rand.Text()
	}
	s, err := h.store.Submit(ctx, d, in)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if s.Account == 0 {
		remember(ctx, h.session, sessionSubmissions, strconv.FormatInt(s.ID, 10))
		forget(ctx, h.session, sessionDrafts, d.ID)
	}
	http.Redirect(w, r, i18n.Path(ctx, s.Path()), http.StatusSeeOther)
}

// mayView reports whether the requester filed s: logged in as its account, or in the session
// it was filed in without logging in.
func (h *handler) mayView(r *http.Request, s Submission) bool {
	if u := auth.UserFrom(r.Context()); u != nil && s.Account == u.ID {
		return true
	}
	if s.Account != 0 {
		return false
	}
	id := strconv.FormatInt(s.ID, 10)
	for _, kept := range sessionIDs(r.Context(), h.session, sessionSubmissions) {
		if kept == id {
			return true
		}
	}
	return false
}
