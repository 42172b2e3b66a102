package videos

import (
	"encoding/hex"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// videoFile serves a guide's video file from the database with http.ServeContent: byte
// ranges (206, 416), HEAD, and revalidation by the file's SHA-256 as its ETag. The public
// serves published guides to anyone, cached for an hour; the editors' preview (publishedOnly
// false) guides in any state.
func (h *handler) videoFile(publishedOnly bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		slug := chi.URLParam(r, "slug")
		f, err := h.store.videoInfo(r.Context(), slug, publishedOnly)
		if err != nil {
			layout.Error(w, r, err)
			return
		}
		hdr := w.Header()
		hdr.Set("Content-Type", f.ContentType)
		hdr.Set("ETag", `"`+hex.EncodeToString(f.SHA256)+`"`)
		if publishedOnly {
			hdr.Set("Cache-Control", "public, max-age=3600")
		}
		http.ServeContent(w, r, "", f.UpdatedAt, h.store.OpenVideo(r.Context(), slug, f))
	}
}
