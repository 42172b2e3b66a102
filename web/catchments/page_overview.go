package catchments

import (
	"net/http"

	"github.com/radnice/radnice/web/layout"
)

// overview shows the catchment layers in force and planned, the drafts and the upload form.
func (h *Handler) overview(w http.ResponseWriter, r *http.Request) {
	h.renderOverview(w, r, http.StatusOK, uploadForm{})
}

// renderOverview draws the overview with the upload form f, as submitted when it failed.
func (h *Handler) renderOverview(w http.ResponseWriter, r *http.Request, status int, f uploadForm) {
	ctx := r.Context()
	v := overviewView{Form: f, Done: r.URL.Query().Get("hotovo"), Today: today()}
	for _, l := range catchmentLayers {
		versions, err := h.store.AreaVersions(ctx, l, v.Today)
		if err != nil {
			layout.ServerError(w, r, err)
			return
		}
		v.Layers = append(v.Layers, layerVersions{Layer: l, Versions: versions})
	}
	drafts, err := h.store.CatchmentDrafts(ctx)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	v.Drafts = drafts
	layout.RenderStatus(w, r, status, overviewPage(v))
}
