package catchments

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// pageSize is how many changed addresses one page of a preview lists.
const pageSize = 50

// draftPage shows a draft: the counts of what it changes, one page of the changed addresses
// grouped by street (?strana=N), and its map.
func (h *Handler) draftPage(w http.ResponseWriter, r *http.Request) {
	id, ok := draftID(r)
	if !ok {
		layout.NotFound(w, r)
		return
	}
	h.renderDraft(w, r, http.StatusOK, id)
}

// renderDraft draws page ?strana of draft id's preview.
func (h *Handler) renderDraft(w http.ResponseWriter, r *http.Request, status int, id int64) {
	ctx := r.Context()
	d, err := h.store.CatchmentDraft(ctx, id)
	if err != nil {
		layout.Error(w, r, err)
		return
	}
	v := draftView{Draft: d, Page: 1, Pages: max(1, (d.Changes.Total()+pageSize-1)/pageSize), DateReached: !d.ValidFrom.After(today())}
	if n, err := strconv.Atoi(r.URL.Query().Get("strana")); err == nil && n >= 1 && n <= v.Pages {
		v.Page = n
	}
	offset := (v.Page - 1) * pageSize
	changes, err := h.store.CatchmentChanges(ctx, id, pageSize, offset)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	v.Groups = groupByPlace(changes)
	v.First, v.Last = offset+1, offset+len(changes)
	if v.Map, err = h.store.CatchmentMap(ctx, id); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.RenderStatus(w, r, status, draftPage(v))
}

// draftID reads the draft's id from the path.
func draftID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	return id, err == nil && id > 0
}

// draftObject names a draft in the audit log.
func draftObject(d geo.CatchmentDraft) string {
	return "catchment_draft:" + strconv.FormatInt(d.ID, 10)
}
