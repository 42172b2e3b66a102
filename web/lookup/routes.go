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
	answers *answerCache[encoded]    // the API's answers by address
	pages   *answerCache[pageAnswer] // the pages' answers by address, page and language
}

// Config is how a deployment tunes the lookup feature.
type Config struct {
	Basemap Basemap // the zero value draws no tiles
	// CacheBytes bounds the memory of each answer cache (the API's and the pages'): 0 means
	// 64 MiB, a negative value turns the caches off.
	CacheBytes int
}

// Routes mounts the API under /api/v1/lookup, /api/v1/waste and /api/v1/areas, and the four pages.
// ctx bounds the watch on the database that keeps the answer cache true.
func Routes(ctx context.Context, r chi.Router, store *geo.Store, cfg Config) {
	h := newHandler(store, cfg)
	go h.watch(ctx)
	r.Get("/api/v1/lookup", h.apiLookup)
	r.Get("/api/v1/waste/{id}.ics", h.apiWasteCalendar)
	r.Get("/api/v1/areas/{id}", h.apiArea)
	for _, p := range pages {
		r.Get(p.Path, h.formPage(p))
		r.Post(p.Path, h.formPage(p))
		r.Get(p.Path+"/{id}", h.answerPage(p))
	}
}

func newHandler(store *geo.Store, cfg Config) *Handler {
	limit := max(cmp.Or(cfg.CacheBytes, defaultCacheBytes), 0)
	return &Handler{store: store, basemap: cfg.Basemap,
		answers: newAnswerCache(limit, encodedSize),
		pages:   newAnswerCache(limit, pageAnswer.size)}
}

// watch keeps the answer caches true to the database until ctx ends.
func (h *Handler) watch(ctx context.Context) {
	h.store.WatchLookupData(ctx, func(listening bool) {
		h.answers.reset(listening)
		h.pages.reset(listening)
	})
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
