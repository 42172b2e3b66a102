package webtest

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/home"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/middleware"
	"github.com/radnice/radnice/web/static"
)

// ServeAs serves the routes mount adds, in the demo town's page frame with its assets and
// security headers, as if u were logged in (nil: anonymous), until the end of t: for testing
// one feature's screens as each role without going through a login.
func ServeAs(t testing.TB, pool *pgxpool.Pool, u *auth.User, mount func(r chi.Router)) *httptest.Server {
	t.Helper()
	demo, err := town.Read(demotown.TownConfig())
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(middleware.SecurityHeaders(middleware.Sources{}), i18n.Middleware, layout.WithTown(&demo), func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if u != nil {
				ctx := layout.WithViewer(auth.WithUser(req.Context(), u), &layout.Viewer{Name: u.Name(), Staff: u.IsStaff()})
				req = req.WithContext(ctx)
			}
			next.ServeHTTP(w, req)
		})
	})
	r.Handle("/static/*", http.StripPrefix("/static/", static.Handler()))
	home.Routes(r, &demo, pool) // the town's coat of arms and colours
	mount(r)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv
}

// AuditActions are the actions the audit log holds for object, oldest first, each as
// "action by actorID actorName".
func AuditActions(t testing.TB, pool *pgxpool.Pool, object string) []string {
	t.Helper()
	rows, err := pool.Query(t.Context(), `
		SELECT action || ' by ' || coalesce(actor_id::text, '-') || ' ' || actor_name FROM audit_log WHERE object = $1 ORDER BY id`, object)
	if err != nil {
		t.Fatal(err)
	}
	actions, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return actions
}
