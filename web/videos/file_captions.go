package videos

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// captionsFile serves a guide's WebVTT captions, as the player's <track> loads them: of
// published guides to anyone, cached for an hour, or (publishedOnly false) of guides in any
// state to the editors' preview.
func (h *handler) captionsFile(publishedOnly bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := h.store.captions(r.Context(), chi.URLParam(r, "slug"), publishedOnly)
		if err != nil {
			layout.Error(w, r, err)
			return
		}
		sum := sha256.Sum256([]byte(c.VTT))
		hdr := w.Header()
		hdr.Set("Content-Type", "text/vtt; charset=utf-8")
		hdr.Set("ETag", `"`+hex.EncodeToString(sum[:])+`"`)
		if publishedOnly {
			hdr.Set("Cache-Control", "public, max-age=3600")
		}
		http.ServeContent(w, r, "", c.UpdatedAt, strings.NewReader(c.VTT))
	}
}
