package videos

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/web/layout"
)

// guideView is a guide's page. An editor's preview also has the path of the guide's editing
// screen, under which the player finds the files of a guide in any state.
type guideView struct {
	Guide
	EditPath string // "" on the public page
}

// videoPath is the address of the video file the page plays.
func (v guideView) videoPath() string {
	if v.EditPath != "" {
		return v.EditPath + "/video"
	}
	return videoPath(v.Slug)
}

// captionsPath is the address of the captions the page's player shows.
func (v guideView) captionsPath() string {
	if v.EditPath != "" {
		return v.EditPath + "/titulky.vtt"
	}
	return captionsPath(v.Slug)
}

// guide shows a guide: the player with its captions, the transcript and related situations.
func (h *handler) guide(w http.ResponseWriter, r *http.Request) {
	g, err := h.store.Get(r.Context(), chi.URLParam(r, "slug"))
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	layout.Render(w, r, guidePage(guideView{Guide: g}))
}
