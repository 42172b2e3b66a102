package layout

import (
	"log/slog"
	"net/http"

	"github.com/a-h/templ"
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

// ServerError logs err and answers with an error page that reveals nothing of it.
func ServerError(w http.ResponseWriter, r *http.Request, err error) {
	slog.ErrorContext(r.Context(), "request failed", "err", err)
	RenderStatus(w, r, http.StatusInternalServerError, serverErrorPage())
}
