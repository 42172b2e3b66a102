package notices

import (
	"net/http"

	"github.com/radnice/radnice/web/editorial"
	"github.com/radnice/radnice/web/layout"
)

// paramState filters the editors' list by state.
const paramState = "stav"

// editorsPerPage is how many notices a page of the editors' list shows.
const editorsPerPage = 50

// staffListView is a page of the editors' list of notices.
type staffListView struct {
	State       editorial.State // the state shown; "" for all
	Notices     []Editable
	Total       int
	Page, Pages int
}

// staffList lists the notices in every state, or in the state asked for, newest first.
func (h *Handler) staffList(w http.ResponseWriter, r *http.Request) {
	v := staffListView{}
	q := r.URL.Query()
	if s := q.Get(paramState); s != "" {
		state, err := editorial.ParseState(s)
		if err != nil {
			layout.NotFound(w, r)
			return
		}
		v.State = state
	}
	page, ok := parsePage(q)
	if !ok {
		layout.NotFound(w, r)
		return
	}
	list, total, err := h.store.EditorList(r.Context(), v.State, editorsPerPage, (page-1)*editorsPerPage)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	v.Notices, v.Total, v.Page, v.Pages = list, total, page, max(1, (total+editorsPerPage-1)/editorsPerPage)
	if page > v.Pages {
		layout.NotFound(w, r)
		return
	}
	layout.Render(w, r, staffListPage(v))
}
