package addresses

import (
	"math"
	"net/http"
	"strconv"

	"github.com/radnice/radnice/web/problem"
)

// NearestItem is the nearest address point and its distance in metres.
type NearestItem struct {
	Item
	DistanceMetres float64 `json:"distance_m"`
}

// apiNearest answers GET /api/v1/addresses/nearest?lat=&lon=.
func (h *Handler) apiNearest(w http.ResponseWriter, r *http.Request) {
	lat, errLat := Coordinate(r.URL.Query().Get("lat"), 90)
	lon, errLon := Coordinate(r.URL.Query().Get("lon"), 180)
	var bad []problem.InvalidParam
	if errLat != "" {
		bad = append(bad, problem.InvalidParam{Name: "lat", Reason: errLat})
	}
	if errLon != "" {
		bad = append(bad, problem.InvalidParam{Name: "lon", Reason: errLon})
	}
	if len(bad) > 0 {
		problem.Write(w, r, http.StatusBadRequest, "lat and lon must be WGS84 degrees.", bad...)
		return
	}
	n, err := h.store.Nearest(r.Context(), lat, lon)
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	writeJSON(w, NearestItem{Item: NewItem(n.Address), DistanceMetres: math.Round(n.DistanceMetres*10) / 10})
}

// Coordinate parses a decimal degree within ±limit, returning the reason when it is not one.
func Coordinate(v string, limit float64) (float64, string) {
	if v == "" {
		return 0, "is required"
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, "must be a decimal number"
	}
	if math.Abs(f) > limit {
		return 0, "must lie between -" + strconv.Itoa(int(limit)) + " and " + strconv.Itoa(int(limit))
	}
	return f, ""
}
