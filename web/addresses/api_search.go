package addresses

import (
	"net/http"
	"strconv"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/problem"
)

// apiSearch answers GET /api/v1/addresses?q=TEXT&limit=N&municipality=KOD.
func (h *Handler) apiSearch(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	p := geo.SearchParams{Text: query.Get("q")}
	var bad []problem.InvalidParam
	if p.Text == "" {
		bad = append(bad, problem.InvalidParam{Name: "q", Reason: "is required"})
	}
	if v := query.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > geo.MaxSearchLimit {
			bad = append(bad, problem.InvalidParam{Name: "limit", Reason: "must be a whole number from 1 to " + strconv.Itoa(geo.MaxSearchLimit)})
		}
		p.Limit = n
	}
	if v := query.Get("municipality"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 100000 || n > 999999 {
			bad = append(bad, problem.InvalidParam{Name: "municipality", Reason: "must be a six-digit kód obce"})
		}
		p.Municipality = n
	}
	if len(bad) > 0 {
		problem.Write(w, r, http.StatusBadRequest, "The search parameters are not valid.", bad...)
		return
	}
	found, err := h.store.Search(r.Context(), p)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	items := make([]Item, len(found))
	for i, a := range found {
		items[i] = NewItem(a)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, map[string]any{"items": items})
}
