package layout

import (
	"log/slog"
	"net/http"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/geo"
)

// Render writes an HTML page with status 200, or the status already set with w.WriteHeader.
func Render(w http.ResponseWriter, r *http.Request, c templ.Component) {
	RenderStatus(w, r, http.StatusOK, c)
}

// RenderStatus writes an HTML page with the given status.
func RenderStatus(w http.ResponseWriter, r *http.Request, status int, c templ.Component) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := c.Render(r.Context(), w); err != nil {
		slog.ErrorContext(r.Context(), "render page", "err", err)
	}
}

// NotFound answers with the Czech "page not found" page.
func NotFound(w http.ResponseWriter, r *http.Request) {
	RenderStatus(w, r, http.StatusNotFound, notFoundPage())
}

// Error answers a page request that failed with err: the "page not found" page for an
// unknown object, the error page otherwise.
func Error(w http.ResponseWriter, r *http.Request, err error) {
	if geo.ErrorCode(err) == geo.ENOTFOUND {
		NotFound(w, r)
		return
	}
	ServerError(w, r, err)
}

// ServerError logs err and answers with an error page that reveals nothing of it.
func ServerError(w http.ResponseWriter, r *http.Request, err error) {
	slog.ErrorContext(r.Context(), "request failed", "err", err)
	RenderStatus(w, r, http.StatusInternalServerError, serverErrorPage())
}

// Forbidden answers a logged-in person who lacks the role a page needs.
func Forbidden(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	RenderStatus(w, r, http.StatusForbidden, forbiddenPage())
}
