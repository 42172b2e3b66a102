// Package staff is the office's side of the portal: the staff dashboard, the administrator's
// roles screen and the audit log. Each kind of content mounts its own editing screens under
// /sprava.
package staff

import (
	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/web/auth"
)

// Handler serves the staff screens.
type Handler struct {
	accounts *auth.Store
	pool     *pgxpool.Pool // for the audit log
}

// Routes mounts the dashboard (any staff role), roles and audit log (administrators).
func Routes(r chi.Router, pool *pgxpool.Pool, accounts *auth.Store) {
	h := &Handler{accounts: accounts, pool: pool}
	r.With(auth.Require(auth.StaffRoles...)).Get(DashboardPath, h.dashboard)
	r.Route(rolesPath, func(r chi.Router) {
		r.Use(auth.Require(auth.RoleAdmin))
		r.Get("/", h.rolesPage)
		r.Post("/", h.grantRole)
		r.Post("/{id}/odebrat", h.revokeRole)
	})
	r.With(auth.Require(auth.RoleAdmin)).Get(auditPath, h.auditPage)
}

// Paths of the staff screens.
const (
	DashboardPath = "/sprava"
	rolesPath     = "/sprava/role"
	auditPath     = "/sprava/audit"
)

// Section is one staff screen on the dashboard, for the roles that may use it.
type Section struct {
	Path  string
	Key   string // catalogue key of its name and description ("<key>", "<key>-text")
	Roles []auth.Role
}

// Sections are the staff screens, in the order the dashboard lists them.
var Sections = []Section{
	{"/sprava/podani", "inbox", []auth.Role{auth.RoleClerk}},
	{"/sprava/deska", "notices", []auth.Role{auth.RoleEditor}},
	{"/sprava/situace", "situations", []auth.Role{auth.RoleEditor}},
	{"/sprava/kontakty", "contacts", []auth.Role{auth.RoleEditor}},
	{"/sprava/videa", "videos", []auth.Role{auth.RoleEditor}},
	{"/sprava/spadove-obvody", "catchments", []auth.Role{auth.RoleSchoolOffice, auth.RoleAdmin}},
	{rolesPath, "roles", []auth.Role{auth.RoleAdmin}},
	{auditPath, "audit", []auth.Role{auth.RoleAdmin}},
}
