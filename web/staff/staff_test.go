package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/staff"
	"github.com/radnice/radnice/web/webtest"
)

var (
	admin  = &auth.User{ID: 901, GivenName: "Miroslav", FamilyName: "Král", Grants: []auth.Grant{{Role: auth.RoleAdmin}}}
	editor = &auth.User{ID: 902, GivenName: "Hana", FamilyName: "Dostálová", Grants: []auth.Grant{{Role: auth.RoleEditor}}}
	clerk  = &auth.User{ID: 903, GivenName: "Pavel", FamilyName: "Novák", Grants: []auth.Grant{{Role: auth.RoleClerk, Agenda: "poplatky"}}}
)

func serveAs(t *testing.T, u *auth.User) (srvURL func(string) string, pool *pgxpool.Pool, get func(string) (*http.Response, string), post func(string, url.Values) (*http.Response, string)) {
	t.Helper()
	pool = demotest.Pool(t)
	srv := webtest.ServeAs(t, pool, u, func(r chi.Router) { staff.Routes(r, pool, auth.NewStore(pool)) })
	return func(p string) string { return srv.URL + p }, pool,
		func(p string) (*http.Response, string) { return webtest.Get(t, srv, p) },
		func(p string, v url.Values) (*http.Response, string) { return webtest.PostForm(t, srv, p, v) }
}

func TestTheDashboardOffersTheScreensOfThePersonsRoles(t *testing.T) {
	for _, c := range []struct {
		who       *auth.User
		want, not []string
	}{
		{editor, []string{"Úřední deska", "Životní situace", "Kontakty", "Videonávody"}, []string{"Role a oprávnění", "Auditní záznam", "Spádové obvody"}},
		{admin, []string{"Role a oprávnění", "Auditní záznam", "Spádové obvody škol"}, []string{"Videonávody"}},
		{clerk, []string{"referent(ka) agendy poplatky", "Podání z elektronických formulářů vašich agend"}, []string{"Úřední deska"}},
	} {
		_, _, get, _ := serveAs(t, c.who)
		res, page := get("/sprava")
		text := webtest.Text(page)
		if res.StatusCode != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("%s: status %d, Cache-Control %q", c.who.Name(), res.StatusCode, res.Header.Get("Cache-Control"))
		}
		main := text[strings.Index(text, "Správa Přihlášen"):]
		for _, w := range c.want {
			if !strings.Contains(main, w) {
				t.Errorf("%s: the dashboard lacks %q:\n%s", c.who.Name(), w, main)
			}
		}
		for _, n := range c.not {
			if strings.Contains(main, n) {
				t.Errorf("%s: the dashboard offers %q", c.who.Name(), n)
			}
		}
	}
}

func TestAnAdministratorGrantsAndRevokesRolesAndEachChangeIsAudited(t *testing.T) {
	_, pool, get, post := serveAs(t, admin)

	res, page := post("/sprava/role", url.Values{"email": {"nikdo"}, "role": {"clerk"}, "agenda": {"Životní prostředí"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `href="#email"`) || !strings.Contains(page, `href="#agenda"`) {
		t.Fatalf("a grant with a bad e-mail and agenda: status %d\n%s", res.StatusCode, webtest.Text(page))
	}
	res, _ = post("/sprava/role", url.Values{"email": {"Eva.Nova@Koprivnice.example"}, "role": {"clerk"}, "agenda": {"zivotni-prostredi"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("grant: status %d", res.StatusCode)
	}
	_, page = get("/sprava/role")
	if !strings.Contains(webtest.Text(page), "referent(ka) agendy zivotni-prostredi eva.nova@koprivnice.example (čeká na první přihlášení)") {
		t.Fatalf("the pending grant is not listed:\n%s", webtest.Text(page))
	}
	var id string
	if err := pool.QueryRow(t.Context(), `SELECT id FROM role_grants WHERE email = 'eva.nova@koprivnice.example'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if res, _ = post("/sprava/role/"+id+"/odebrat", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("revoke: status %d", res.StatusCode)
	}
	if res, _ = post("/sprava/role/"+id+"/odebrat", nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("revoking twice: status %d, want 404", res.StatusCode)
	}
	got := webtest.AuditActions(t, pool, "email:eva.nova@koprivnice.example")
	want := []string{"role.grant by 901 Miroslav Král", "role.revoke by 901 Miroslav Král"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("audit: %q, want %q", got, want)
	}
}

func TestTheAuditLogIsFilteredByKindOrObjectAndNeverByAnEmailInTheURL(t *testing.T) {
	_, _, get, post := serveAs(t, admin)
	post("/sprava/role", url.Values{"email": {"a@koprivnice.example"}, "role": {"editor"}})

	_, page := get("/sprava/audit?objekt=email%3Aa%40koprivnice.example")
	if strings.Contains(page, `value="email:a@koprivnice.example"`) {
		t.Error("the filter took an e-mail from the URL")
	}
	_, page = get("/sprava/audit?akce=role.grant")
	if !strings.Contains(webtest.Text(page), "role.grant email:a@koprivnice.example") {
		t.Errorf("filtered by action:\n%s", webtest.Text(page))
	}
	_, page = get("/sprava/audit?objekt=notice%3A")
	if strings.Contains(page, "role.grant") {
		t.Error("a filter by kind shows other kinds")
	}
}
