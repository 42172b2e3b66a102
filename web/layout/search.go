package layout

import (
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/radnice/radnice/geo"
)

// SearchMessage is what the address search form says about a query it could not search, ""
// when the search ran (err is then the search's own outcome, for the caller to handle).
func SearchMessage(query string, err error) string {
	switch {
	case strings.TrimSpace(query) == "":
		return "Zadejte adresu, kterou hledáte."
	case geo.ErrorCode(err) == geo.EINVALID:
		return "Zadejte název ulice nebo části obce, číslo domu nebo PSČ."
	}
	return ""
}

// RenderSearchPage writes a page with the address search form, never cached (it shows what was
// searched); 422 when the form reports a problem.
func RenderSearchPage(w http.ResponseWriter, r *http.Request, problem string, c templ.Component) {
	w.Header().Set("Cache-Control", "no-store")
	status := http.StatusOK
	if problem != "" {
		status = http.StatusUnprocessableEntity
	}
	RenderStatus(w, r, status, c)
}
