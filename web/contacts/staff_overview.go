package contacts

import (
	"net/http"

	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// staffOverview serves the editors' front page of the contacts: every department in the tree
// with its state, and the people, filtered by ?utvar= and ?stav=.
func (h *Handler) staffOverview(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := overviewView{Filter: PeopleFilter{Department: q.Get("utvar")}, Notice: doneNotice(r, "")}
	if state, err := editorial.ParseState(q.Get("stav")); err == nil {
		v.Filter.State = state
	}
	var err error
	if v.Tree, err = h.store.Tree(r.Context()); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.People, err = h.store.People(r.Context(), v.Filter); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, overviewPage(v))
}
