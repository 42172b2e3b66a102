// Package videos is the video guides (videonávody): short films on dealing with the town
// office, with Czech captions (WebVTT) and a full transcript, linked to the life situations
// they help with. It serves the catalogue, a page with the player for each guide, its video
// file (from the database, with HTTP Range) and its captions. The content comes from the
// town's files (datasets/videos) through Load.
package videos

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// cataloguePath is the catalogue's (Czech) path; the guides live under it.
const cataloguePath = "/videonavody"

// GuidePath is the page of guide slug; videoPath and captionsPath its files. The files have
// one address in both languages, so that browsers cache them once.
func GuidePath(slug string) string    { return cataloguePath + "/" + slug }
func videoPath(slug string) string    { return GuidePath(slug) + "/video" }
func captionsPath(slug string) string { return GuidePath(slug) + "/titulky.vtt" }

// situationPath is the page of a life situation (web/situations).
func situationPath(slug string) string { return "/zivotni-situace/" + slug }

// handler serves the video guides.
type handler struct {
	store *Store
}

// Routes mounts the catalogue at /videonavody, each guide's page at /videonavody/{slug}, its
// video at /videonavody/{slug}/video and its captions at /videonavody/{slug}/titulky.vtt
// (both also for HEAD).
func Routes(r chi.Router, pool *pgxpool.Pool) {
	h := &handler{store: NewStore(pool)}
	r.Get(cataloguePath, h.catalogue)
	r.Get(cataloguePath+"/{slug}", h.guide)
	// HEAD tells download managers and link checkers a file's size and type without the body.
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		r.Method(method, cataloguePath+"/{slug}/video", http.HandlerFunc(h.video))
		r.Method(method, cataloguePath+"/{slug}/titulky.vtt", http.HandlerFunc(h.captions))
	}
}
