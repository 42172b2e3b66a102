package notices_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/home"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/middleware"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/static"
)

// staffServer serves the board and its editors' screens on the demo town at testNow, with the
// page frame's assets and security headers, every request made by u (anonymous when nil), as
// the portal will once people log in.
func staffServer(t *testing.T, u *auth.User) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	notices.SetClock(t, testNow)
	demo, err := town.Read(demotown.TownConfig())
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Use(middleware.SecurityHeaders(middleware.Sources{}), i18n.Middleware, layout.WithTown(&demo), func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if u != nil {
				req = req.WithContext(auth.WithUser(req.Context(), u))
			}
			next.ServeHTTP(w, req)
		})
	})
	r.Handle("/static/*", http.StripPrefix("/static/", static.Handler()))
	home.Routes(r, &demo, pool)
	notices.Routes(r, pool)
	notices.StaffRoutes(r, pool)
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv, pool
}

// inputTag is the tag of the form control id.
func inputTag(page, id string) string {
	return regexp.MustCompile(`<(?:input|textarea|select)[^>]*\bid="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(page)
}
