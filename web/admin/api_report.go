package admin

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/problem"
)

// apiAreaReport answers GET /api/v1/admin/reports/areas[?date=YYYY-MM-DD]: the data-quality
// report of the area layers (geo.AreaReport) on the date, today in Prague by default.
func (h *Handler) apiAreaReport(w http.ResponseWriter, r *http.Request) {
	date := geo.PragueDate(time.Now())
	if s := r.URL.Query().Get("date"); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			problem.Write(w, r, http.StatusBadRequest, "The date is a civil date.",
				problem.InvalidParam{Name: "date", Reason: "must be a date written YYYY-MM-DD"})
			return
		}
		date = d
	}
	rep, err := h.store.AreaReport(r.Context(), date)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(rep) //nolint:errchkjson // the client may have gone; nothing to do
}
