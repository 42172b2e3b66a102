package forms

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/contacts"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// startView is a form's start page: what it is for, its legal basis, what it asks, who handles
// it, and the way to fill it in (or on with the draft the person has).
type startView struct {
	Form
	LoggedIn bool
	Draft    *Draft
	Agenda   *contacts.Agenda // who handles the form's agenda; nil when the contacts do not know it
}

// start serves the start page of a form.
func (h *handler) start(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, err := h.store.Current(ctx, chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	v := startView{Form: f, LoggedIn: auth.UserFrom(ctx) != nil}
	if v.LoggedIn || f.Anonymous {
		d, found, err := h.draftOf(r, f)
		if err != nil {
			layout.ServerError(w, r, err)
			return
		}
		if found {
			v.Draft = &d
		}
	}
	switch agenda, err := h.contacts.Agenda(ctx, f.Agenda); {
	case err == nil:
		v.Agenda = &agenda
	case geo.ErrorCode(err) != geo.ENOTFOUND:
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, startPage(v))
}

// begin starts filling in a form: it goes on with the person's draft, or starts a new one
// (prefilled from the logged-in person's identity), also when asked to start again (znovu).
func (h *handler) begin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, ok := h.offered(w, r)
	if !ok {
		return
	}
	d, found, err := h.draftOf(r, f)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if found && r.PostFormValue("znovu") != "" {
		if err := h.store.DeleteDraft(ctx, d.ID); err != nil {
			layout.ServerError(w, r, err)
			return
		}
		forget(ctx, h.session, sessionDrafts, d.ID)
		found = false
	}
	if !found {
		if d, err = h.newDraft(r, f); err != nil {
			layout.ServerError(w, r, err)
			return
		}
	}
	http.Redirect(w, r, i18n.Path(ctx, resumePath(d)), http.StatusSeeOther)
}

// newDraft starts a draft of f for the requester: the logged-in person's, prefilled from
// their identity and profile, or one the session keeps.
func (h *handler) newDraft(r *http.Request, f Form) (Draft, error) {
	ctx := r.Context()
	u := auth.UserFrom(ctx)
	if u == nil {
		d, err := h.store.CreateDraft(ctx, f, 0, engine.Answers{})
		if err == nil {
			remember(ctx, h.session, sessionDrafts, d.ID)
		}
		return d, err
	}
	id := engine.Identity{GivenName: u.GivenName, FamilyName: u.FamilyName, BirthDate: u.DateOfBirth,
		Email: u.Email, Phone: u.Phone, AddressCode: u.AddressCode}
	if u.AddressCode != 0 {
		switch a, err := h.geo.Address(ctx, u.AddressCode); {
		case err == nil:
			id.AddressLabel = a.Label()
		case geo.ErrorCode(err) == geo.ENOTFOUND:
			id.AddressCode = 0 // no longer in the register: the person picks another
		default:
			return Draft{}, err
		}
	}
	return h.store.CreateDraft(ctx, f, u.ID, engine.Prefill(f.Definition, id))
}

// resumePath is where filling in d goes on: its first step not done, or the check of the
// answers when all are.
func resumePath(d Draft) string {
	if d.Complete() {
		return d.Form.Path() + "/kontrola"
	}
	return stepPath(d.Form, d.Done)
}

// stepPath is the page of the step i (from 0) of f.
func stepPath(f Form, i int) string {
	return f.Path() + "/krok/" + strconv.Itoa(i+1)
}
