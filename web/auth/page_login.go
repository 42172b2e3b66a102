package auth

import (
	"crypto/rand"
	"net/http"

	"github.com/go-chi/chi/v5"
	"golang.org/x/oauth2"

	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// loginPage offers the ways to log in; someone logged in goes on to their account.
func (s *Service) loginPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	back := localPath(r.URL.Query().Get("zpet"))
	if UserFrom(r.Context()) != nil {
		http.Redirect(w, r, i18n.Path(r.Context(), AccountPath), http.StatusSeeOther)
		return
	}
	layout.Render(w, r, loginView(s.offered(), back, ""))
}

// offered lists the configured providers, citizens' first.
func (s *Service) offered() []string {
	var names []string
	for _, name := range []string{ProviderCitizens, ProviderStaff} {
		if s.providers[name] != nil {
			names = append(names, name)
		}
	}
	return names
}

// loginStart sends the person to the provider, remembering in the session what the return
// must match: state, nonce, PKCE verifier, and the page to go back to.
func (s *Service) loginStart(w http.ResponseWriter, r *http.Request) {
	name := chi.URLParam(r, "provider")
	p := s.providers[name]
	if p == nil {
		layout.NotFound(w, r)
		return
	}
	lr := loginRequest{State: rand.Text(), Nonce: rand.Text(), Verifier: oauth2.GenerateVerifier(),
		RedirectURL: s.baseURL(r) + callbackPath}
	to, err := p.authURL(r.Context(), lr)
	if err != nil {
		s.loginFailed(w, r, err)
		return
	}
	ctx := r.Context()
	s.sessions.Put(ctx, keyLoginProvider, name)
	s.sessions.Put(ctx, keyLoginState, lr.State)
	s.sessions.Put(ctx, keyLoginNonce, lr.Nonce)
	s.sessions.Put(ctx, keyLoginVerifier, lr.Verifier)
	s.sessions.Put(ctx, keyLoginBack, localPath(r.PostFormValue("zpet")))
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, to, http.StatusSeeOther)
}
