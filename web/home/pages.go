package home

import (
	"net/http"

	"github.com/radnice/radnice/web/layout"
)

// homePage serves the front page.
func (h *Handler) homePage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, homePage())
}

// accessibilityPage serves the accessibility statement the law (99/2019 Sb.) asks for.
func (h *Handler) accessibilityPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, accessibilityPage(h.town))
}

// openDataPage lists the portal's open data and APIs.
func (h *Handler) openDataPage(w http.ResponseWriter, r *http.Request) {
	layout.Render(w, r, openDataPage(h.town))
}
