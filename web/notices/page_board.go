package notices

import (
	"net/http"

	"github.com/radnice/radnice/web/layout"
)

// boardView is what a board page shows: a part of the board, filtered, one page of it.
type boardView struct {
	Board   Board
	Query   boardQuery
	Facets  Facets
	Notices []Notice
	Total   int
	Pages   int
}

// boardPage serves the current board or the archive, filtered by the query parameters and
// searched, newest notices first, perPage to a page. A page past the last is not found.
func (h *Handler) boardPage(board Board) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, ok := parseBoardQuery(r.URL.Query(), board)
		if !ok {
			layout.NotFound(w, r)
			return
		}
		q.Filter.Today = today()
		facets, err := h.store.Facets(r.Context(), board, q.Filter.Today)
		if err != nil {
			layout.ServerError(w, r, err)
			return
		}
		list, total, err := h.store.List(r.Context(), q.Filter, perPage, (q.Page-1)*perPage)
		if err != nil {
			layout.ServerError(w, r, err)
			return
		}
		pages := max(1, (total+perPage-1)/perPage)
		if q.Page > pages {
			layout.NotFound(w, r)
			return
		}
		w.Header().Set("Link", alternates)
		layout.Render(w, r, boardPage(boardView{Board: board, Query: q, Facets: facets, Notices: list, Total: total, Pages: pages}))
	}
}
