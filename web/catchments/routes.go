// Package catchments is the school office's screen for school catchment areas (spádové
// obvody): the layers in force and planned, and drafts of a new layer for a future date. A
// draft is uploaded as GeoJSON, compared address by address with the catchments it would
// replace, and then published (imported as the layer's version from its date) or discarded.
package catchments

import (
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/auth"
)

// OverviewPath is the school office's catchments screen.
const OverviewPath = "/sprava/spadove-obvody"

// draftPath is the preview of draft id.
func draftPath(id int64) string { return OverviewPath + "/navrh/" + strconv.FormatInt(id, 10) }

// Handler serves the catchments screens.
type Handler struct {
	pool  *pgxpool.Pool // for the transactions that write a change with its audit entry
	store *geo.Store
}

// Routes mounts the screens under /sprava/spadove-obvody for the school office and
// administrators.
func Routes(r chi.Router, pool *pgxpool.Pool) {
	h := &Handler{pool: pool, store: geo.NewStore(pool)}
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleSchoolOffice, auth.RoleAdmin))
		r.Get(OverviewPath, h.overview)
		r.Post(OverviewPath, h.upload)
		r.Get(OverviewPath+"/navrh/{id}", h.draftPage)
		r.Get(OverviewPath+"/navrh/{id}/zmeny.csv", h.changesCSV)
		r.Post(OverviewPath+"/navrh/{id}/zverejnit", h.publish)
		r.Post(OverviewPath+"/navrh/{id}/zahodit", h.discard)
	})
}

// now is the clock; tests set it through export_test.go.
var now = time.Now

// today is the civil date in Prague: a draft must take effect after it.
func today() time.Time { return geo.PragueDate(now()) }
