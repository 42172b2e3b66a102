package auth

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
)

// callback is where the provider sends the person back with a code. It checks the state,
// trades the code for the ID token, and logs the person in, or takes them to registration
// on their first visit.
func (s *Service) callback(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	ctx := r.Context()
	name := s.sessions.PopString(ctx, keyLoginProvider)
	lr := loginRequest{
		State:       s.sessions.PopString(ctx, keyLoginState),
		Nonce:       s.sessions.PopString(ctx, keyLoginNonce),
		Verifier:    s.sessions.PopString(ctx, keyLoginVerifier),
		RedirectURL: s.baseURL(r) + callbackPath,
	}
	back := s.sessions.PopString(ctx, keyLoginBack)
	q := r.URL.Query()
	p := s.providers[name]
	switch {
	case p == nil || lr.State == "" || q.Get("state") != lr.State:
		s.loginFailed(w, r, errors.Join(errLogin, errors.New("the login came back without the state this session sent")))
		return
	case q.Get("error") != "":
		// The person cancelled, or the provider refused; its words are not shown.
		s.loginFailed(w, r, errors.Join(errLogin, errors.New("the provider answered "+q.Get("error"))))
		return
	}
	id, rawIDToken, err := p.exchange(ctx, q.Get("code"), lr)
	if err != nil {
		s.loginFailed(w, r, err)
		return
	}
	account, found, err := s.store.AccountFor(ctx, id)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if !found {
		pending, err := json.Marshal(id)
		if err != nil {
			layout.ServerError(w, r, err)
			return
		}
		s.sessions.Put(ctx, keyPending, pending)
		s.sessions.Put(ctx, keyIDToken, rawIDToken)
		s.sessions.Put(ctx, keyLoginBack, back)
		http.Redirect(w, r, i18n.Path(ctx, registrationPath), http.StatusSeeOther)
		return
	}
	if err := s.store.RecordLogin(ctx, account, id); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	s.logIn(w, r, account, name, rawIDToken, back)
}

// logIn starts the session of account with a new token, so that a token planted before the
// login is worth nothing after it.
func (s *Service) logIn(w http.ResponseWriter, r *http.Request, account int64, provider, rawIDToken, back string) {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	s.sessions.Put(ctx, keyAccount, account)
	s.sessions.Put(ctx, keyProvider, provider)
	s.sessions.Put(ctx, keyIDToken, rawIDToken)
	if back == "" || back == "/" {
		back = i18n.Path(ctx, AccountPath)
	}
	slog.InfoContext(ctx, "login", "account", account, "provider", provider)
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// loginFailed shows the login page with the reason in plain words: a refused or broken
// login asks the person to try again, the portal's own failure says so.
func (s *Service) loginFailed(w http.ResponseWriter, r *http.Request, err error) {
	status, key := http.StatusBadGateway, "login-unavailable"
	if errors.Is(err, errLogin) {
		status, key = http.StatusBadRequest, "login-failed"
	}
	slog.WarnContext(r.Context(), "login failed", "err", err)
	w.Header().Set("Cache-Control", "no-store")
	layout.RenderStatus(w, r, status, loginView(s.offered(), "/", msg.T(r.Context(), key)))
}
