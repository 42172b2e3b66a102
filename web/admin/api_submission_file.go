package admin

import (
	"encoding/hex"
	"mime"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/problem"
)

// apiSubmissionFile answers GET /api/v1/admin/submissions/{id}/files/{file}: a file attached to
// the submission, as it was uploaded, with its SHA-256 as the ETag.
func (h *Handler) apiSubmissionFile(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	f, err := h.subs.File(r.Context(), id, chi.URLParam(r, "file"))
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", f.MediaType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
	w.Header().Set("ETag", `"`+hex.EncodeToString(f.SHA256)+`"`)
	w.Write(f.Data) //nolint:errcheck // the client may have gone; nothing to do
}
