package auth

import (
	"encoding/json"
	"net/http"

	"github.com/radnice/radnice/datasets/czid"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// registration is the form of someone logging in for the first time.
type registration struct {
	Identity Identity
	Email    string
	Phone    string
	Consent  bool
	Errors   layout.FieldErrors
}

// pending returns the identity waiting for registration in r's session.
func (s *Service) pending(r *http.Request) (Identity, bool) {
	var id Identity
	raw := s.sessions.GetBytes(r.Context(), keyPending)
	if raw == nil || json.Unmarshal(raw, &id) != nil {
		return Identity{}, false
	}
	return id, true
}

// registrationPage shows what the provider vouched for and asks for contact details and
// consent to the terms.
func (s *Service) registrationPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	id, ok := s.pending(r)
	if !ok {
		http.Redirect(w, r, i18n.Path(r.Context(), LoginPath), http.StatusSeeOther)
		return
	}
	layout.Render(w, r, registrationView(registration{Identity: id, Email: id.Email, Phone: id.Phone}))
}

// register makes the account and logs the person in.
func (s *Service) register(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	ctx := r.Context()
	id, ok := s.pending(r)
	if !ok {
		http.Redirect(w, r, i18n.Path(ctx, LoginPath), http.StatusSeeOther)
		return
	}
	form := registration{Identity: id, Email: r.PostFormValue("email"), Phone: r.PostFormValue("phone"),
		Consent: r.PostFormValue("consent") == "1"}
	email, okEmail := czid.CheckEmail(form.Email)
	if !okEmail {
		form.Errors.Add("email", msg.T(ctx, "email-invalid"))
	}
	phone, okPhone := czid.CheckPhone(form.Phone)
	if !okPhone {
		form.Errors.Add("phone", msg.T(ctx, "phone-invalid"))
	}
	if !form.Consent {
		form.Errors.Add("consent", msg.T(ctx, "consent-missing"))
	}
	if len(form.Errors) > 0 {
		layout.RenderStatus(w, r, http.StatusUnprocessableEntity, registrationView(form))
		return
	}
	account, err := s.store.Register(ctx, id, email, phone)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	s.sessions.Remove(ctx, keyPending)
	s.logIn(w, r, account, id.Provider, s.sessions.GetString(ctx, keyIDToken), s.sessions.PopString(ctx, keyLoginBack))
}
