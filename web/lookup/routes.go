// Package lookup is the "what applies at my address" feature: the lookup API (polling station,
// waste collections, catchment schools), the waste collection calendar (iCalendar) and the
// pages "Kde volím", "Svoz odpadu", "Spádová škola" and "Moje adresa".
package lookup

import (
	"cmp"
	"context"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
)

// Handler serves the lookup feature.
type Handler struct {
	store   *geo.Store
	basemap Basemap
	answers *answerCache
}

// Config is how a deployment tunes the lookup feature.
type Config struct {
	Basemap Basemap // the zero value draws no tiles
	// CacheBytes bounds the memory of the answer cache: 0 means 64 MiB, a negative value
	// turns the cache off.
	CacheBytes int
}

// Routes mounts the API under /api/v1/lookup, /api/v1/waste and /api/v1/areas, and the four pages.
// ctx bounds the watch on the database that keeps the answer cache true.
func Routes(ctx context.Context, r chi.Router, store *geo.Store, cfg Config) {
	cacheBytes := cmp.Or(cfg.CacheBytes, defaultCacheBytes)
	h := &Handler{store: store, basemap: cfg.Basemap, answers: newAnswerCache(max(cacheBytes, 0))}
	go store.WatchLookupData(ctx, h.answers.reset)
	r.Get("/api/v1/lookup", h.apiLookup)
	r.Get("/api/v1/waste/{id}.ics", h.apiWasteCalendar)
	r.Get("/api/v1/areas/{id}", h.apiArea)
	for _, p := range pages {
		r.Get(p.Path, h.formPage(p))
		r.Post(p.Path, h.formPage(p))
		r.Get(p.Path+"/{id}", h.answerPage(p))
	}
}

// now is the clock; tests set it through export_test.go.
var now = time.Now

// today is the current civil date in Prague (midnight UTC, as geo.Date makes it).
func today() time.Time { return geo.PragueDate(now()) }

// Basemap is a tile service drawn under the maps of areas: an XYZ URL template
// ("https://tile.example.org/{z}/{x}/{y}.png") and the attribution its licence asks for.
type Basemap struct {
	URL         string
	Attribution string
}
