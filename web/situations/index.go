package situations

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/radnice/radnice/web/layout"
)

// maxQueryLength bounds the searched text, as the field's maxlength does.
const maxQueryLength = 100

// resultLimit is how many situations a search lists.
const resultLimit = 50

// index serves the signpost: the search form, the results of ?q= when given, and every
// category with its situations.
func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	v := indexView{Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	for utf8.RuneCountInString(v.Query) > maxQueryLength {
		_, size := utf8.DecodeLastRuneInString(v.Query)
		v.Query = v.Query[:len(v.Query)-size]
	}
	var err error
	if v.Groups, err = h.store.Groups(r.Context()); err != nil {
		layout.ServerError(w, r, err)
		return
	}
	if v.Query != "" {
		if v.Results, err = h.store.Search(r.Context(), v.Query, resultLimit); err != nil {
			layout.ServerError(w, r, err)
			return
		}
	}
	layout.Render(w, r, indexPage(v))
}
