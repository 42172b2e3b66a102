package account_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/datasets/town"
	"github.com/radnice/radnice/geo"
	"github.com/radnice/radnice/web/account"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/home"
	"github.com/radnice/radnice/web/i18n"
	"github.com/radnice/radnice/web/layout"
	"github.com/radnice/radnice/web/lookup"
	"github.com/radnice/radnice/web/middleware"
	"github.com/radnice/radnice/web/static"
)

// The tests' "today": Monday 23 November 2026, 9:00 in Prague, before the demo town's
// presidential election of January 2028.
var testNow = time.Date(2026, time.November, 23, 9, 0, 0, 0, time.FixedZone("CET", 60*60))

// The demo town's address points the tests choose.
const (
	ceska       = 1009830 // Česká 1318/30: where the demo citizen Jana Nováková lives
	ceskaLabel  = "Česká 1318/30, 742 21 Kopřivnice"
	stefanikova = 2401163 // Štefánikova 1163/12: the town hall
)

// jana is the demo citizen of the development identity provider (datasets/demotown/idp), as
// NIA would send her: the eID gives her address point.
var jana = auth.Identity{
	Provider:         auth.ProviderCitizens,
	Subject:          "4f7c2d1e-9a3b-4c8e-b6f5-1d2a3b4c5e01",
	GivenName:        "Jana",
	FamilyName:       "Nováková",
	DateOfBirth:      time.Date(1985, time.April, 12, 0, 0, 0, 0, time.UTC),
	Address:          ceskaLabel,
	AddressCode:      ceska,
	LevelOfAssurance: "http://eidas.europa.eu/LoA/substantial",
}

// register makes the account of someone logging in for the first time, as the login does,
// and returns them as requests see them.
func register(t *testing.T, pool *pgxpool.Pool, id auth.Identity, email, phone string) *auth.User {
	t.Helper()
	store := auth.NewStore(pool)
	account, err := store.Register(t.Context(), id, email, phone)
	if err != nil {
		t.Fatal(err)
	}
	return loadUser(t, pool, account)
}

// loadUser is the account as requests see it.
func loadUser(t *testing.T, pool *pgxpool.Pool, account int64) *auth.User {
	t.Helper()
	u, err := auth.NewStore(pool).User(t.Context(), account)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// portal is the account's pages on a demo town with Jana registered and logged in.
type portal struct {
	*httptest.Server
	pool          *pgxpool.Pool
	user          *auth.User
	endedSessions atomic.Int32 // how often the pages ended the session
}

// newPortal serves the account's pages with Jana logged in, in the portal's frame, on a router
// of their own: each request carries her account as the session middleware loads it, and
// none once it is deleted.
func newPortal(t *testing.T, cfg account.Config) *portal {
	t.Helper()
	pool := demotest.Pool(t)
	p := &portal{pool: pool, user: register(t, pool, jana, "jana.novakova@posta.example", "+420 601 234 567")}
	cfg.EndSession = func(context.Context) error {
		p.endedSessions.Add(1)
		return nil
	}
	account.SetClock(t, testNow)
	accounts := auth.NewStore(pool)
	r := chi.NewRouter()
	demo, err := town.Read(demotown.TownConfig())
	if err != nil {
		t.Fatal(err)
	}
	r.Use(middleware.SecurityHeaders(middleware.Sources{}), i18n.Middleware, layout.WithTown(&demo), func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			u, err := accounts.User(req.Context(), p.user.ID)
			switch {
			case geo.ErrorCode(err) == geo.ENOTFOUND:
				next.ServeHTTP(w, req)
			case err != nil:
				http.Error(w, err.Error(), http.StatusInternalServerError)
			default:
				ctx := layout.WithViewer(auth.WithUser(req.Context(), u), &layout.Viewer{Name: u.Name()})
				next.ServeHTTP(w, req.WithContext(ctx))
			}
		})
	})
	r.Handle("/static/*", http.StripPrefix("/static/", static.Handler()))
	home.Routes(r, &demo, pool) // the town's coat of arms and colours
	store := geo.NewStore(pool)
	lookup.Routes(t.Context(), r, store, lookup.Config{}) // the full answers the overview links to
	account.Routes(r, pool, store, cfg)
	p.Server = httptest.NewServer(r)
	t.Cleanup(p.Close)
	return p
}
