package situations

import (
	"net/http"

	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// staffList serves the editors' list of the situations in every state, filtered by ?stav=
// and ?kategorie=.
func (h *handler) staffList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := listView{Filter: ListFilter{Category: q.Get("kategorie")}}
	if state, err := editorial.ParseState(q.Get("stav")); err == nil {
		v.Filter.State = state
	}
	var err error
	if v.Categories, err = h.store.AllCategories(r.Context()); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Situations, err = h.store.List(r.Context(), v.Filter); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, listPage(v))
}
