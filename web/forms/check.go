package forms

import (
	"net/http"
	"strings"

	"github.com/radnice/radnice/datasets/formdefs"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/forms/engine"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// checkView is the check of a draft's answers before it is submitted.
type checkView struct {
	Draft
	Rows []engine.Row
	// Errors are the problems the answers have now (a later change may have made a field
	// needed), each leading to its step; submitting waits until there are none.
	Errors []engine.FieldError
	// Confirm is where the link that confirms a submission made without logging in goes; ""
	// for the logged-in.
	Confirm string
}

// check serves the check of the answers, with a way back to each one and the submit button.
// Once the draft is filed, the check (reached again by the back button) leads to the receipt.
func (h *handler) check(w http.ResponseWriter, r *http.Request) {
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
	if !found {
		h.leadToReceipt(w, r, f)
		return
	}
	if !d.Complete() {
		http.Redirect(w, r, i18n.Path(ctx, resumePath(d)), http.StatusSeeOther)
		return
	}
	def := d.Form.Definition
	v := checkView{Draft: d, Rows: engine.Summary(def, d.Answers), Errors: engine.Validate(def, d.Answers, engine.AllSteps, today())}
	if d.Account == 0 {
		v.Confirm = contactEmail(def, d.Answers, nil)
	}
	layout.Render(w, r, checkPage(v))
}

// leadToReceipt sends the requester, who has no draft of f, to the receipt of what they filed
// last with it, or to its start page when they filed nothing.
func (h *handler) leadToReceipt(w http.ResponseWriter, r *http.Request, f Form) {
	ctx := r.Context()
	var account int64
	if u := auth.UserFrom(ctx); u != nil {
		account = u.ID
	}
	to := f.Path()
	s, err := h.store.LastFiled(ctx, f.Slug, account, sessionIDs(ctx, h.session, sessionSubmissions))
	switch {
	case err == nil:
		to = s.Path()
	case geo.ErrorCode(err) != geo.ENOTFOUND:
		layout.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, i18n.Path(ctx, to), http.StatusSeeOther)
}

// applicant is the name the clerks see a submission by: the first person it names, else its
// first answer prefilled with a name, else the logged-in person's name, else its e-mail.
func applicant(def *formdefs.Definition, a engine.Answers, u *auth.User) string {
	for _, f := range def.Fields(-1) {
		switch v := a[f.Key].(type) {
		case engine.Person:
			return strings.TrimSpace(v.Given + " " + v.Family)
		case string:
			if f.Prefill == formdefs.PrefillName && v != "" {
				return v
			}
		}
	}
	if u != nil {
		return u.Name()
	}
	return contactEmail(def, a, u)
}

// contactEmail is where the e-mails about a submission go: its first e-mail answer, else the
// logged-in person's e-mail.
func contactEmail(def *formdefs.Definition, a engine.Answers, u *auth.User) string {
	for _, f := range def.Fields(-1) {
		if v, ok := a[f.Key].(string); ok && f.Type == formdefs.Email && v != "" {
			return v
		}
	}
	if u != nil {
		return u.Email
	}
	return ""
}
