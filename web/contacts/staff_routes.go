package contacts

import (
	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/auth"
)

// StaffRoutes mounts the editors' screens of the contacts under /sprava/kontakty, for editors:
// the tree of departments and the list of people, creating and editing both, moving them
// between draft, published and withdrawn, their previews, and deleting an empty department.
func StaffRoutes(r chi.Router, pool *pgxpool.Pool, cfg Config) {
	h := &Handler{store: NewStore(pool), cfg: cfg}
	r.Group(func(r chi.Router) {
		r.Use(auth.Require(auth.RoleEditor))
		r.Get(staffPath, h.staffOverview)
		r.Get(EditDepartmentPath(newPath), h.newDepartment)
		r.Post(EditDepartmentPath(newPath), h.createDepartment)
		r.Get(staffDeptPath+"/{code}", h.editDepartment)
		r.Post(staffDeptPath+"/{code}", h.updateDepartment)
		r.Post(staffDeptPath+"/{code}/stav", h.setDepartmentState)
		r.Post(staffDeptPath+"/{code}/smazat", h.deleteDepartment)
		r.Get(staffDeptPath+"/{code}/nahled", h.previewDepartment)
		r.Get(staffPeoplePath+"/"+newPath, h.newPerson)
		r.Post(staffPeoplePath+"/"+newPath, h.createPerson)
		r.Get(staffPeoplePath+"/{id:[0-9]+}", h.editPerson)
		r.Post(staffPeoplePath+"/{id:[0-9]+}", h.updatePerson)
		r.Post(staffPeoplePath+"/{id:[0-9]+}/stav", h.setPersonState)
		r.Get(staffPeoplePath+"/{id:[0-9]+}/nahled", h.previewPerson)
	})
}
