package addresses

import (
	"net/http"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
)

// findPage serves the "Najít adresu" page. The form posts, so the searched address stays out
// of URLs, browser history and logs; without JavaScript the results come back in the page.
func (h *Handler) findPage(w http.ResponseWriter, r *http.Request) {
	v := findView{}
	if r.Method == http.MethodPost {
		v.Query = r.PostFormValue("q")
		v.Searched = true
		found, err := h.store.Search(r.Context(), geo.SearchParams{Text: v.Query, Limit: 20})
		if v.Error = layout.SearchMessage(r.Context(), v.Query, err); v.Error == "" {
			if err != nil {
				layout.ServerError(w, r, err)
				return
			}
			v.Results = found
		}
	}
	layout.RenderSearchPage(w, r, v.Error, findPage(v))
}
