package situations_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/situations"
	"github.com/radnice/radnice/web/static"
)

// editor is the logged-in editor the staff screens' tests act as.
var editor = &auth.User{ID: 7, GivenName: "Eva", FamilyName: "Editorka", Grants: []auth.Grant{{Role: auth.RoleEditor}}}

// staffServer serves the life situations' pages and editors' screens over a fresh demo town,
// every request made by user (nil: anonymous), until the end of t.
func staffServer(t *testing.T, user *auth.User) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	demo, err := town.Read(demotown.TownConfig())
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(i18n.Middleware, layout.WithTown(&demo), func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if user != nil {
				req = req.WithContext(auth.WithUser(req.Context(), user))
			}
			next.ServeHTTP(w, req)
		})
	})
	situations.Routes(r, pool)
	situations.StaffRoutes(r, pool)
	r.Handle("/static/*", http.StripPrefix("/static/", static.Handler()))
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv, pool
}

// auditActions are the actions the audit log holds for object, oldest first, each with its actor.
func auditActions(t *testing.T, pool *pgxpool.Pool, object string) []string {
	t.Helper()
	rows, err := pool.Query(context.Background(), `
		SELECT action || ' by ' || actor_id || ' ' || actor_name FROM audit_log WHERE object = $1 ORDER BY id`, object)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}
