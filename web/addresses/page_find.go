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
		switch {
		case v.Query == "":
			v.Error = "Zadejte adresu, kterou hledáte."
		case geo.ErrorCode(err) == geo.EINVALID:
			v.Error = "Zadejte název ulice nebo části obce, číslo domu nebo PSČ."
		case err != nil:
			layout.ServerError(w, r, err)
			return
		default:
			v.Results = found
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	status := http.StatusOK
	if v.Error != "" {
		status = http.StatusUnprocessableEntity
	}
	layout.RenderStatus(w, r, status, findPage(v))
}
