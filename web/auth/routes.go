package auth

import "github.com/go-chi/chi/v5"

// Routes mounts login, registration and logout.
func (s *Service) Routes(r chi.Router) {
	r.Get(LoginPath, s.loginPage)
	r.Post(LoginPath+"/{provider}", s.loginStart)
	r.With(s.limit.Limit).Get(callbackPath, s.callback)
	r.Get(registrationPath, s.registrationPage)
	r.Post(registrationPath, s.register)
	r.Post("/odhlaseni", s.logout)
	r.Get(loggedOutPath, s.loggedOutPage)
	r.Get(termsPath, s.termsPage)
}

const (
	callbackPath     = "/prihlaseni/navrat"
	registrationPath = "/registrace"
	loggedOutPath    = "/odhlaseno"
	termsPath        = "/podminky-uctu"
	// AccountPath is where a login ends when it was not sent from another page.
	AccountPath = "/muj-ucet"
)
