// Package videos is the video guides (videonávody): short films on dealing with the town
// office, with Czech captions (WebVTT) and a full transcript, linked to the life situations
// they help with. It serves the catalogue, a page with the player for each guide, its video
// file (from the database, with HTTP Range) and its captions. The content comes from the
// town's files (datasets/videos) through Load; editors then write the guides under
// /sprava/videa, uploading video files into the database beside the loaded ones.
package videos

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/auth"
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
		r.Method(method, cataloguePath+"/{slug}/video", h.videoFile(true))
		r.Method(method, cataloguePath+"/{slug}/titulky.vtt", h.captionsFile(true))
	}
}

// staffPath lists the guides for editors; each has its editing screen under it.
const staffPath = "/sprava/videa"

// staffGuidePath is the editing screen of guide slug; the editors' actions on it post under it.
func staffGuidePath(slug string) string { return staffPath + "/" + slug }

// StaffRoutes mounts the editors' screens under /sprava/videa, for editors only: the list of
// guides in every state, a new guide, its editing screen with the video upload, its preview
// (with the files it plays) and the moves between draft, published and withdrawn.
func StaffRoutes(r chi.Router, pool *pgxpool.Pool) {
	h := &handler{store: NewStore(pool)}
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleEditor))
		r.Get(staffPath, h.staffList)
		r.Get(staffPath+"/novy", h.newGuide)
		r.Post(staffPath+"/novy", h.createGuide)
		r.Get(staffPath+"/{slug}", h.editGuide)
		r.Post(staffPath+"/{slug}", h.updateGuide)
		r.Post(staffPath+"/{slug}/stav", h.changeState)
		r.Post(staffPath+"/{slug}/video", h.uploadVideo)
		r.Get(staffPath+"/{slug}/nahled", h.preview)
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			r.Method(method, staffPath+"/{slug}/video", h.videoFile(false))
			r.Method(method, staffPath+"/{slug}/titulky.vtt", h.captionsFile(false))
		}
	})
}
