package auth

import (
	"net/http"

	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// logout ends the portal's session, then the provider's (front-channel), which sends the
// person back to the "logged out" page.
func (s *Service) logout(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := s.providers[s.sessions.GetString(ctx, keyProvider)]
	idToken := s.sessions.GetString(ctx, keyIDToken)
	if err := s.sessions.RenewToken(ctx); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if err := s.sessions.Destroy(ctx); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	done := s.baseURL(r) + i18n.Path(ctx, loggedOutPath)
	to := i18n.Path(ctx, loggedOutPath)
	if p != nil {
		if u := p.logoutURL(ctx, idToken, done); u != "" {
			to = u
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// loggedOutPage confirms the logout.
func (s *Service) loggedOutPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, loggedOutView())
}

// termsPage is what people agree to when they register.
func (s *Service) termsPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, termsView())
}
