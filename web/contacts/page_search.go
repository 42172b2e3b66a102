package contacts

import (
	"net/http"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// searchPage serves /kontakty/hledat?q=…: what the office handles, departments and people
// that the text speaks of. It works as a plain GET form; without q it shows the form alone.
func (h *Handler) searchPage(w http.ResponseWriter, r *http.Request) {
	v := searchView{}
	if q := r.URL.Query(); q.Has("q") {
		v.Query, v.Searched = q.Get("q"), true
		found, err := h.store.Search(r.Context(), v.Query)
		switch {
		case geo.ErrorCode(err) == geo.EINVALID:
			v.Problem = t(r.Context(), "search-empty")
		case err != nil:
			layout.ServerError(w, r, err)
			return
		}
		v.Found = found
	}
	layout.RenderSearchPage(w, r, v.Problem, searchPage(v))
}
