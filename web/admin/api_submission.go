package admin

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/problem"
)

// apiSubmission answers GET /api/v1/admin/submissions/{id}: the submission as the webhook
// carries it (integration.Submission).
func (h *Handler) apiSubmission(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	sub, err := h.subs.Submission(r.Context(), id)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(sub) //nolint:errchkjson // the client may have gone; nothing to do
}
