package auth

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/problem"
)

// LoginPath is the page that offers the ways to log in.
const LoginPath = "/prihlaseni"

// Require lets a request through only for a logged-in user holding one of roles (any
// logged-in user when roles is empty or holds RoleCitizen). Anonymous page requests are sent
// to log in and come back; the API answers 401. Users without the role get 403. Nothing it
// guards may be cached.
func Require(roles ...Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "no-store")
			u := UserFrom(r.Context())
			api := strings.HasPrefix(r.URL.Path, "/api/")
			switch {
			case u == nil && api:
				problem.Write(w, r, http.StatusUnauthorized, "Log in first.")
			case u == nil:
				http.Redirect(w, r, loginURL(r), http.StatusSeeOther)
			case len(roles) > 0 && !slices.ContainsFunc(roles, u.Has):
				if api {
					problem.Write(w, r, http.StatusForbidden, "Your account does not have the role this needs.")
				} else {
					layout.Forbidden(w, r)
				}
			default:
				next.ServeHTTP(w, r)
			}
		})
	}
}

// loginURL is the login page that returns to where r wanted to go (a GET of a page, or the
// page that sent a form).
func loginURL(r *http.Request) string {
	back := i18n.Path(r.Context(), i18n.CurrentPath(r.Context()))
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		back = i18n.Path(r.Context(), "/")
	}
	return i18n.Path(r.Context(), LoginPath) + "?" + url.Values{"zpet": {back}}.Encode()
}

// localPath returns p when it is a path on this site (so a login cannot be made to send the
// person elsewhere), "/" otherwise.
func localPath(p string) string {
	// Browsers drop control characters and read a backslash as a slash: "/<tab>/evil.example"
	// and "/\\evil.example" both lead to evil.example.
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsRune(p, '\\') ||
		strings.ContainsFunc(p, unicode.IsControl) {
		return "/"
	}
	return p
}
