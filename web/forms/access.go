package forms

import (
	"net/http"
	"net/url"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// offered is the form the path names, when it is on offer and the requester may fill it in:
// a visitor who is not logged in is sent to log in for a form that needs it, and comes back
// to its start page. ok is false when the request has been answered.
func (h *handler) offered(w http.ResponseWriter, r *http.Request) (Form, bool) {
	f, err := h.store.Current(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return Form{}, false
	}
	w.Header().Set("Cache-Control", "no-store") // the pages show the person's answers
	if !f.Anonymous && auth.UserFrom(r.Context()) == nil {
		sendToLogIn(w, r, f.Path())
		return Form{}, false
	}
	return f, true
}

// sendToLogIn sends the visitor to log in and come back to the Czech path back.
func sendToLogIn(w http.ResponseWriter, r *http.Request, back string) {
	ctx := r.Context()
	to := i18n.Path(ctx, auth.LoginPath) + "?" + url.Values{"zpet": {i18n.Path(ctx, back)}}.Encode()
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// draft is the requester's draft of the form the path names (see offered); a visitor without
// one is sent to the form's start page. A draft started before logging in becomes the
// account's. ok is false when the request has been answered.
func (h *handler) draft(w http.ResponseWriter, r *http.Request) (Draft, bool) {
	f, ok := h.offered(w, r)
	if !ok {
		return Draft{}, false
	}
	d, found, err := h.draftOf(r, f)
	switch {
	case err != nil:
		layout.ServerError(w, r, err)
		return Draft{}, false
	case !found:
		http.Redirect(w, r, i18n.Path(r.Context(), f.Path()), http.StatusSeeOther)
		return Draft{}, false
	}
	return d, true
}

// draftOf is the requester's draft of f, found false when they have none.
func (h *handler) draftOf(r *http.Request, f Form) (d Draft, found bool, err error) {
	ctx := r.Context()
	var account int64
	u := auth.UserFrom(ctx)
	if u != nil {
		account = u.ID
	}
	d, err = h.store.DraftOf(ctx, f.Slug, account, sessionIDs(ctx, h.session, sessionDrafts))
	if geo.ErrorCode(err) == geo.ENOTFOUND {
		return Draft{}, false, nil
	}
	if err != nil {
		return Draft{}, false, err
	}
	if u != nil && d.Account == 0 {
		d.Account = u.ID
		if err := h.store.SaveDraft(ctx, d); err != nil {
			return Draft{}, false, err
		}
		forget(ctx, h.session, sessionDrafts, d.ID)
	}
	return d, true, nil
}
