package notices_test

import (
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/notices"
	"github.com/radnice/radnice/web/webtest"
)

// staffServer serves the board and its editors' screens on the demo town at testNow, with the
// page frame's assets and security headers, every request made by u (anonymous when nil), as
// the portal will once people log in.
func staffServer(t *testing.T, u *auth.User) (*httptest.Server, *pgxpool.Pool) {
	t.Helper()
	pool := demotest.Pool(t)
	notices.SetClock(t, testNow)
	srv := webtest.ServeAs(t, pool, u, func(r chi.Router) {
		notices.Routes(r, pool)
		notices.StaffRoutes(r, pool)
	})
	return srv, pool
}

// inputTag is the tag of the form control id.
func inputTag(page, id string) string {
	return regexp.MustCompile(`<(?:input|textarea|select)[^>]*\bid="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(page)
}
