package home

import (
	"net/http"
	"time"

	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/notices"
)

// latestNotices is how many of the newest notices the front page shows.
const latestNotices = 5

// homePage serves the front page: the address lookups, the life situations by category and
// the newest notices on the board.
func (h *Handler) homePage(w http.ResponseWriter, r *http.Request) {
	categories, err := h.situations.Categories(r.Context())
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	latest, _, err := h.notices.List(r.Context(), notices.Filter{Board: notices.CurrentBoard, Today: geo.PragueDate(time.Now())}, latestNotices, 0)
	if err != nil {
		layout.ServerError(w, r, err)
		return
	}
	layout.Render(w, r, homePage(categories, latest))
}

// accessibilityPage serves the accessibility statement the law (99/2019 Sb.) asks for.
func (h *Handler) accessibilityPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, accessibilityPage(h.town))
}

// openDataPage lists the portal's open data and APIs.
func (h *Handler) openDataPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, openDataPage(h.town))
}
