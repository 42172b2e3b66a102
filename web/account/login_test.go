package account_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/account"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/authtest"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/webtest"
)

// TestDeletingTheAccountEndsTheSessionItLoggedInWith logs Jana in through the development eID
// provider, with the real sessions, and deletes her account.
func TestDeletingTheAccountEndsTheSessionItLoggedInWith(t *testing.T) {
	pool := demotest.Pool(t)
	login := auth.New(t.Context(), pool, authtest.Provider(t).PortalConfig())
	r := chi.NewRouter()
	r.Use(i18n.Middleware, login.Middleware)
	login.Routes(r)
	account.Routes(r, pool, geo.NewStore(pool), account.Config{EndSession: login.EndSession})
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)

	jana := webtest.LogIn(t, srv, "jana")
	res, page := webtest.As(t, jana, get(t, srv.URL+"/muj-ucet"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("her account: status %d", res.StatusCode)
	}
	expectText(t, "her account", page, "Jana Nováková", "Moje adresa "+ceskaLabel+" (podle vaší elektronické identity)")
	token := sessionToken(t, jana, srv.URL)
	if sessionRows(t, pool, token) != 1 {
		t.Fatal("her session is not in the database")
	}

	res, _ = webtest.As(t, jana, authtest.Form(t, srv.URL+"/muj-ucet/zruseni", url.Values{"potvrzeni": {"1"}}))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("deletion: status %d", res.StatusCode)
	}
	if n := sessionRows(t, pool, token); n != 0 {
		t.Errorf("%d rows of her session are left", n)
	}
	var accounts int
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM accounts`).Scan(&accounts); err != nil || accounts != 0 {
		t.Errorf("%d accounts left (%v)", accounts, err)
	}
	res, _ = webtest.As(t, jana, get(t, srv.URL+"/muj-ucet"))
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("after the deletion her account's page: status %d, want the way to log in", res.StatusCode)
	}
}

func get(t *testing.T, target string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// sessionToken is the session cookie c holds for the server at base.
func sessionToken(t *testing.T, c *http.Client, base string) string {
	t.Helper()
	u, _ := url.Parse(base)
	for _, cookie := range c.Jar.Cookies(u) {
		if cookie.Name == "radnice_session" {
			return cookie.Value
		}
	}
	t.Fatal("no session cookie")
	return ""
}

// sessionRows is how many sessions with token the database keeps.
func sessionRows(t *testing.T, pool *pgxpool.Pool, token string) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM sessions WHERE token = $1`, token).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
