package addresses

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/problem"
)

// apiGet answers GET /api/v1/addresses/{id}.
func (h *Handler) apiGet(w http.ResponseWriter, r *http.Request) {
	id, ok := addressID(w, r)
	if !ok {
		return
	}
	a, err := h.store.Address(r.Context(), id)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	writeJSON(w, NewItem(a))
}

// addressID reads the {id} path parameter, a kód ADM, answering 400 when it is not one.
func addressID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id <= 0 || id > 1<<31-1 {
		problem.Write(w, r, http.StatusBadRequest, "The address id must be a kód ADM, a positive whole number.",
			problem.InvalidParam{Name: "id", Reason: "must be a positive whole number"})
		return 0, false
	}
	return id, true
}
