package admin

import (
	"context"
	"net/http"
	"strings"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/problem"
)

type keyContext struct{}

// requireScope lets a request through only with an API key in use that carries scope, sent as
// `Authorization: Bearer KEY`; 401 without a valid key, 403 with a key lacking the scope.
func (h *Handler) requireScope(scope string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "no-store")
			token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || token == "" {
				w.Header().Set("WWW-Authenticate", `Bearer realm="radnice"`)
				problem.Write(w, r, http.StatusUnauthorized, "Send an API key as `Authorization: Bearer KEY` (make one with `radnice apikey create`).")
				return
			}
			key, err := h.keys.Authenticate(r.Context(), strings.TrimSpace(token))
			if geo.ErrorCode(err) == geo.ENOTFOUND {
				w.Header().Set("WWW-Authenticate", `Bearer realm="radnice", error="invalid_token"`)
				problem.Write(w, r, http.StatusUnauthorized, geo.ErrorMessage(err))
				return
			}
			if err != nil {
				problem.Error(w, r, err)
				return
			}
			if !key.Allows(scope) {
				w.Header().Set("WWW-Authenticate", `Bearer realm="radnice", error="insufficient_scope", scope="`+scope+`"`)
				problem.Write(w, r, http.StatusForbidden, "The key "+key.Name+" does not carry the scope "+scope+".")
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), keyContext{}, key)))
		})
	}
}
