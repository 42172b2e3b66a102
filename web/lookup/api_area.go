package lookup

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/problem"
)

// areaFeatureJSON is the answer of GET /api/v1/areas/{id}: a GeoJSON Feature (RFC 7946).
type areaFeatureJSON struct {
	Type       string          `json:"type"` // "Feature"
	ID         int             `json:"id"`
	Geometry   json.RawMessage `json:"geometry"` // null for an area known only by its address list
	Properties areaPropsJSON   `json:"properties"`
}

type areaPropsJSON struct {
	ID        int     `json:"id"`
	Layer     string  `json:"layer"`
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Number    *int    `json:"number"`     // polling districts only
	ValidFrom *string `json:"valid_from"` // null: since always
	ValidTo   *string `json:"valid_to"`   // exclusive; null: until further notice
}

// apiArea answers GET /api/v1/areas/{id}: one version of an area (a polling district, waste
// zone or catchment area, by the id a lookup's maps name) as a GeoJSON Feature in WGS84.
func (h *Handler) apiArea(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 32)
	if err != nil || id <= 0 {
		problem.Write(w, r, http.StatusBadRequest, "An area is asked for by its id.",
			problem.InvalidParam{Name: "id", Reason: "must be a positive whole number"})
		return
	}
	b, err := h.store.AreaBoundary(r.Context(), int(id))
	if err != nil {
		problem.Error(w, r, err)
		return
	}
	f := areaFeatureJSON{Type: "Feature", ID: b.ID, Geometry: b.GeoJSON, Properties: areaPropsJSON{
		ID: b.ID, Layer: string(b.Layer), Code: b.Code, Name: b.Name,
		ValidFrom: optionalDate(b.ValidFrom), ValidTo: optionalDate(b.ValidTo),
	}}
	if b.Number != 0 {
		f.Properties.Number = &b.Number
	}
	body, err := json.Marshal(f)
	if err != nil {
		panic(err) // the feature always encodes: its geometry is PostGIS's JSON
	}
	writeCached(w, r, cachePublic, encode("application/geo+json", body))
}

// optionalDate writes a civil date as 2027-10-08, nil as null.
func optionalDate(t *time.Time) *string {
	if t == nil {
		return nil
	}
	return optional(isoDate(*t))
}
