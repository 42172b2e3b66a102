package home

import (
	"bytes"
	"fmt"
	"net/http"
	"time"
)

// startedAt is the assets' modification time: they change only with the configuration, read at start.
var startedAt = time.Now()

// coatOfArms serves the town's coat of arms.
func (h *Handler) coatOfArms(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", h.town.CoatOfArmsType)
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, "", startedAt, bytes.NewReader(h.town.CoatOfArms))
}

// colours serves the town's accent colours as CSS custom properties, which site.css uses;
// a stylesheet rather than inline styles, which the Content-Security-Policy forbids.
func (h *Handler) colours(w http.ResponseWriter, r *http.Request) {
	css := fmt.Sprintf(":root{--accent:%s}\n@media (prefers-color-scheme: dark){:root{--accent:%s}}\n", h.town.Color, h.town.ColorDark)
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeContent(w, r, "", startedAt, bytes.NewReader([]byte(css)))
}
