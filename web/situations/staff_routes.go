package situations

import (
	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/contacts"
)

// StaffRoutes mounts the editors' screens of the life situations under /sprava/situace, for
// editors: the list, a new situation, editing one, moving it between draft, published and
// withdrawn, and its preview.
func StaffRoutes(r chi.Router, pool *pgxpool.Pool) {
	h := &handler{store: NewStore(pool), contacts: contacts.NewStore(pool)}
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleEditor))
		r.Get(staffPath, h.staffList)
		r.Get(EditPath(newSlug), h.newSituation)
		r.Post(EditPath(newSlug), h.createSituation)
		r.Get(staffPath+"/{slug}", h.editSituation)
		r.Post(staffPath+"/{slug}", h.updateSituation)
		r.Post(staffPath+"/{slug}/stav", h.setState)
		r.Get(staffPath+"/{slug}/nahled", h.preview)
	})
}
