package situations_test

import (
	"net/http/httptest"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/situations"
	"github.com/radnice/radnice/web/webtest"
)

// editor is the logged-in editor the staff screens' tests act as.
var editor = &auth.User{ID: 7, GivenName: "Eva", FamilyName: "Editorka", Grants: []auth.Grant{{Role: auth.RoleEditor}}}

// staffServer serves the life situations' pages and editors' screens over a fresh demo town,
// every request made by user (nil: anonymous), until the end of t.
func staffServer(t *testing.T, user *auth.User) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	srv := webtest.ServeAs(t, pool, user, func(r chi.Router) {
		situations.Routes(r, pool)
		situations.StaffRoutes(r, pool)
	})
	return srv, pool
}
