package staff

import (
	"net/http"
	"slices"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/layout"
)

// dashboard lists the staff screens the person's roles open.
func (h *Handler) dashboard(w http.ResponseWriter, r *http.Request) {
	u := auth.UserFrom(r.Context())
	var mine []Section
	for _, s := range Sections {
		if slices.ContainsFunc(s.Roles, u.Has) {
			mine = append(mine, s)
		}
	}
	layout.Render(w, r, dashboardView(u, mine))
}
