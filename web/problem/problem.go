// Package problem writes RFC 9457 problem details (application/problem+json) and maps domain
// error codes to HTTP statuses in one place.
package problem

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/radnice/radnice/geo"
)

// Details is an RFC 9457 problem document.
type Details struct {
	Type          string         `json:"type"`
	Title         string         `json:"title"`
	Status        int            `json:"status"`
	Detail        string         `json:"detail,omitempty"`
	Instance      string         `json:"instance,omitempty"`
	InvalidParams []InvalidParam `json:"invalid_params,omitempty"`
}

// InvalidParam names a request parameter that was refused, and why.
type InvalidParam struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Write sends a problem with the given status; title is the status text.
func Write(w http.ResponseWriter, r *http.Request, status int, detail string, params ...InvalidParam) {
	body := Details{
		Type:          "about:blank",
		Title:         http.StatusText(status),
		Status:        status,
		Detail:        detail,
		Instance:      r.URL.Path,
		InvalidParams: params,
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body) //nolint:errchkjson // the client may have gone; nothing to do
}

// Status maps a domain error code to its HTTP status.
func Status(code string) int {
	switch code {
	case geo.EINVALID:
		return http.StatusBadRequest
	case geo.ENOTFOUND:
		return http.StatusNotFound
	default:
		return http.StatusInternalServerError
	}
}

// Error sends err as a problem. Internal errors are logged and answered without detail, so
// no SQL or stack trace reaches the client.
func Error(w http.ResponseWriter, r *http.Request, err error) {
	code := geo.ErrorCode(err)
	if code == geo.EINTERNAL {
		slog.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	}
	Write(w, r, Status(code), geo.ErrorMessage(err))
}
