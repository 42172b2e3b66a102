package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/authtest"
	"github.com/radnice/radnice/web/webtest"
)

// Who may use a route: everyone, any logged-in person, holders of one of some staff roles, or
// the town's systems with an API key.
type access struct {
	anyone, loggedIn, apiKey bool
	roles                    []auth.Role
	// loginFlow marks the steps of logging in: open to anyone, they send to the login page
	// whoever arrives out of turn.
	loginFlow bool
}

var (
	public        = access{anyone: true}
	citizens      = access{loggedIn: true}
	editors       = access{roles: []auth.Role{auth.RoleEditor}}
	schoolOrAdmin = access{roles: []auth.Role{auth.RoleSchoolOffice, auth.RoleAdmin}}
	admins        = access{roles: []auth.Role{auth.RoleAdmin}}
	anyStaff      = access{roles: auth.StaffRoles}
	apiKeyed      = access{apiKey: true}
	clerks        = access{roles: []auth.Role{auth.RoleClerk}}
	duringLogin   = access{anyone: true, loginFlow: true}
)

// authorization is the portal's authorization table: every route, and who may use it. The
// test below fails on a route missing here, so a new route cannot slip in unguarded.
var authorization = map[string]access{
	"GET /":                                     public,
	"GET /adresa":                               public,
	"POST /adresa":                              public,
	"GET /adresa/{id}":                          public,
	"GET /api/v1/addresses":                     public,
	"GET /api/v1/addresses/nearest":             public,
	"GET /api/v1/addresses/{id}":                public,
	"GET /api/v1/admin/reports/areas":           apiKeyed,
	"GET /api/v1/areas/{id}":                    public,
	"GET /api/v1/lookup":                        public,
	"GET /api/v1/waste/{id}.ics":                public,
	"GET /api/v1/admin/submissions":             apiKeyed,
	"GET /api/v1/admin/submissions/{id:[0-9]+}": apiKeyed,
	"GET /api/v1/admin/submissions/{id:[0-9]+}/files/{file}": apiKeyed,
	"GET /formulare":                                   public,
	"GET /formulare/podano/{receipt}":                  public,
	"GET /formulare/podano/{receipt}/potvrzeni":        public,
	"GET /formulare/potvrzeni/{token}":                 public,
	"POST /formulare/potvrzeni/{token}":                public,
	"GET /formulare/{slug}":                            public,
	"POST /formulare/{slug}":                           public,
	"GET /formulare/{slug}/kontrola":                   public,
	"GET /formulare/{slug}/krok/{n:[0-9]+}":            public,
	"POST /formulare/{slug}/krok/{n:[0-9]+}":           public,
	"POST /formulare/{slug}/odeslat":                   public,
	"GET /muj-ucet/podani/{receipt}":                   citizens,
	"POST /muj-ucet/podani/{receipt}":                  citizens,
	"GET /sprava/podani":                               clerks,
	"POST /sprava/podani":                              clerks,
	"GET /sprava/podani/export.csv":                    clerks,
	"GET /sprava/podani/{id:[0-9]+}":                   clerks,
	"POST /sprava/podani/{id:[0-9]+}/poznamka":         clerks,
	"POST /sprava/podani/{id:[0-9]+}/prideleni":        clerks,
	"GET /sprava/podani/{id:[0-9]+}/soubory/{file}":    clerks,
	"POST /sprava/podani/{id:[0-9]+}/stav":             clerks,
	"POST /sprava/podani/{id:[0-9]+}/zprava":           clerks,
	"GET /healthz":                                     public,
	"GET /hledat":                                      public,
	"POST /hledat":                                     public,
	"GET /kde-volim":                                   public,
	"POST /kde-volim":                                  public,
	"GET /kde-volim/{id}":                              public,
	"GET /kontakty":                                    public,
	"GET /kontakty/agenda/{code}":                      public,
	"GET /kontakty/hledat":                             public,
	"GET /kontakty/odbor/{code}":                       public,
	"GET /kontakty/osoba/{id:[0-9]+}.vcf":              public,
	"GET /kontakty/osoba/{id:[0-9]+}":                  public,
	"GET /muj-ucet":                                    citizens,
	"GET /muj-ucet/udaje":                              citizens,
	"POST /muj-ucet/udaje":                             citizens,
	"GET /muj-ucet/adresa":                             citizens,
	"POST /muj-ucet/adresa":                            citizens,
	"GET /muj-ucet/data":                               citizens,
	"GET /muj-ucet/zruseni":                            citizens,
	"POST /muj-ucet/zruseni":                           citizens,
	"GET /muj-ucet/zruseno":                            public,
	"GET /mesto/barvy.css":                             public,
	"GET /mesto/znak":                                  public,
	"GET /moje-adresa":                                 public,
	"POST /moje-adresa":                                public,
	"GET /moje-adresa/{id}":                            public,
	"GET /objednani":                                   public,
	"POST /odhlaseni":                                  public,
	"GET /odhlaseno":                                   public,
	"GET /otevrena-data":                               public,
	"GET /podminky-uctu":                               public,
	"GET /prihlaseni":                                  public,
	"GET /prihlaseni/navrat":                           duringLogin,
	"POST /prihlaseni/{provider}":                      public,
	"GET /pro-weby":                                    public,
	"GET /prohlaseni-o-pristupnosti":                   public,
	"GET /readyz":                                      public,
	"GET /registrace":                                  duringLogin,
	"POST /registrace":                                 duringLogin,
	"GET /spadova-skola":                               public,
	"POST /spadova-skola":                              public,
	"GET /spadova-skola/{id}":                          public,
	"GET /sprava":                                      anyStaff,
	"GET /sprava/deska":                                editors,
	"GET /sprava/deska/novy":                           editors,
	"POST /sprava/deska/novy":                          editors,
	"POST /sprava/deska/{id}":                          editors,
	"GET /sprava/deska/{id}":                           editors,
	"GET /sprava/deska/{id}/nahled":                    editors,
	"POST /sprava/deska/{id}/prilohy":                  editors,
	"GET /sprava/deska/{id}/prilohy/{file}":            editors,
	"POST /sprava/deska/{id}/prilohy/{file}/odebrat":   editors,
	"POST /sprava/deska/{id}/stav":                     editors,
	"GET /sprava/videa":                                editors,
	"POST /sprava/videa/novy":                          editors,
	"GET /sprava/videa/novy":                           editors,
	"GET /sprava/videa/{slug}":                         editors,
	"POST /sprava/videa/{slug}":                        editors,
	"GET /sprava/videa/{slug}/nahled":                  editors,
	"POST /sprava/videa/{slug}/stav":                   editors,
	"HEAD /sprava/videa/{slug}/titulky.vtt":            editors,
	"GET /sprava/videa/{slug}/titulky.vtt":             editors,
	"POST /sprava/videa/{slug}/video":                  editors,
	"GET /sprava/videa/{slug}/video":                   editors,
	"HEAD /sprava/videa/{slug}/video":                  editors,
	"GET /sprava/kontakty":                             editors,
	"POST /sprava/kontakty/lide/novy":                  editors,
	"GET /sprava/kontakty/lide/novy":                   editors,
	"GET /sprava/kontakty/lide/{id:[0-9]+}":            editors,
	"POST /sprava/kontakty/lide/{id:[0-9]+}":           editors,
	"GET /sprava/kontakty/lide/{id:[0-9]+}/nahled":     editors,
	"POST /sprava/kontakty/lide/{id:[0-9]+}/stav":      editors,
	"GET /sprava/kontakty/odbory/novy":                 editors,
	"POST /sprava/kontakty/odbory/novy":                editors,
	"POST /sprava/kontakty/odbory/{code}":              editors,
	"GET /sprava/kontakty/odbory/{code}":               editors,
	"GET /sprava/kontakty/odbory/{code}/nahled":        editors,
	"POST /sprava/kontakty/odbory/{code}/smazat":       editors,
	"POST /sprava/kontakty/odbory/{code}/stav":         editors,
	"GET /sprava/situace":                              editors,
	"GET /sprava/situace/nova":                         editors,
	"POST /sprava/situace/nova":                        editors,
	"GET /sprava/situace/{slug}":                       editors,
	"POST /sprava/situace/{slug}":                      editors,
	"GET /sprava/situace/{slug}/nahled":                editors,
	"POST /sprava/situace/{slug}/stav":                 editors,
	"GET /sprava/spadove-obvody":                       schoolOrAdmin,
	"POST /sprava/spadove-obvody":                      schoolOrAdmin,
	"GET /sprava/spadove-obvody/navrh/{id}":            schoolOrAdmin,
	"GET /sprava/spadove-obvody/navrh/{id}/zmeny.csv":  schoolOrAdmin,
	"POST /sprava/spadove-obvody/navrh/{id}/zverejnit": schoolOrAdmin,
	"POST /sprava/spadove-obvody/navrh/{id}/zahodit":   schoolOrAdmin,
	"GET /sprava/audit":                                admins,
	"POST /sprava/role/":                               admins,
	"GET /sprava/role/":                                admins,
	"POST /sprava/role/{id}/odebrat":                   admins,
	"GET /static/*":                                    public,
	"GET /svoz-odpadu":                                 public,
	"POST /svoz-odpadu":                                public,
	"GET /svoz-odpadu/{id}":                            public,
	"GET /uredni-deska":                                public,
	"GET /uredni-deska.atom":                           public,
	"GET /uredni-deska.jsonld":                         public,
	"GET /uredni-deska/archiv":                         public,
	"GET /uredni-deska/{slug}":                         public,
	"GET /uredni-deska/{slug}/prilohy/{file}":          public,
	"GET /videonavody":                                 public,
	"GET /videonavody/{slug}":                          public,
	"GET /videonavody/{slug}/titulky.vtt":              public,
	"HEAD /videonavody/{slug}/titulky.vtt":             public,
	"GET /videonavody/{slug}/video":                    public,
	"HEAD /videonavody/{slug}/video":                   public,
	"GET /widget.js":                                   public,
	"GET /zivotni-situace":                             public,
	"GET /zivotni-situace/kategorie/{slug}":            public,
	"GET /zivotni-situace/{slug}":                      public,
}

// principal is someone sending requests: anonymous, or a demo person logged in.
type principal struct {
	login  string // "" for anonymous
	client *http.Client
	user   auth.User // their roles
}

// allows reports whether a may be used by p.
func (a access) allows(p principal) bool {
	switch {
	case a.anyone:
		return true
	case a.apiKey:
		return false // sessions never open the town systems' API
	case p.login == "":
		return false
	case a.loggedIn:
		return true
	}
	return slices.ContainsFunc(a.roles, p.user.Has)
}

// sampleParam fills a route's URL parameter: ids and names that exist nowhere, so a request
// that gets through changes nothing.
var routeParam = regexp.MustCompile(`\{[^}]+\}`)

func samplePath(pattern string) string {
	p := strings.TrimSuffix(pattern, "/*")
	p = strings.ReplaceAll(p, "/*", "/x")
	return routeParam.ReplaceAllStringFunc(p, func(string) string { return "999999" })
}

func TestTheAuthorizationTableCoversEveryRouteAndEveryRoleGetsExactlyWhatItShould(t *testing.T) {
	idp := authtest.Provider(t)
	pool := demotest.Pool(t)
	h := web.Handler(t.Context(), web.Config{Pool: pool, Auth: idp.PortalConfig()})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	var routes []string
	err := chi.Walk(h.(chi.Routes), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if strings.HasSuffix(route, "/static/*") && method != http.MethodGet {
			return nil // the assets answer every method alike
		}
		routes = append(routes, method+" "+route)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range routes {
		if _, ok := authorization[r]; !ok {
			t.Errorf("route %q is missing from the authorization table", r)
		}
	}
	for r := range authorization {
		if !slices.Contains(routes, r) {
			t.Errorf("the authorization table names %q, which is no route", r)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	// Logging out ends the session: it comes last.
	slices.SortStableFunc(routes, func(a, b string) int {
		return boolInt(a == "POST /odhlaseni") - boolInt(b == "POST /odhlaseni")
	})

	principals := []principal{{client: &http.Client{CheckRedirect: noRedirects}}}
	for _, person := range []string{"jana", "referent", "redaktorka", "skola", "spravce"} {
		c := webtest.LogIn(t, srv, person)
		p := authtest.Person(t, person)
		u := auth.User{}
		if p.Role != string(auth.RoleCitizen) {
			u.Grants = []auth.Grant{{Role: auth.Role(p.Role), Agenda: p.Agenda}}
		}
		principals = append(principals, principal{login: person, client: c, user: u})
	}
	for _, p := range principals {
		who := p.login
		if who == "" {
			who = "anonymous"
		}
		for _, r := range routes {
			method, pattern, _ := strings.Cut(r, " ")
			path := samplePath(pattern)
			var req *http.Request
			if method == http.MethodGet || method == http.MethodHead {
				req, _ = http.NewRequestWithContext(t.Context(), method, srv.URL+path, nil)
			} else {
				req = authtest.Form(t, srv.URL+path, url.Values{})
				req.Method = method
			}
			res, body := webtest.As(t, p.client, req)
			a := authorization[r]
			got := outcome(res)
			switch {
			case a.allows(p) && (got == "login" && !a.loginFlow || got == "forbidden" || got == "unauthorized"):
				t.Errorf("%s: %s %s: %s (status %d), want access", who, method, path, got, res.StatusCode)
			case !a.allows(p) && p.login == "" && got != "login" && got != "unauthorized":
				t.Errorf("%s: %s %s: status %d, want a login redirect or 401\n%s", who, method, path, res.StatusCode, webtest.Text(body))
			case !a.allows(p) && p.login != "" && got != "forbidden" && !(a.apiKey && got == "unauthorized"):
				t.Errorf("%s: %s %s: status %d, want 403", who, method, path, res.StatusCode)
			}
		}
	}
}

// outcome classifies a response for the authorization test.
func outcome(res *http.Response) string {
	switch res.StatusCode {
	case http.StatusUnauthorized:
		return "unauthorized"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusSeeOther, http.StatusFound:
		if loc, err := res.Location(); err == nil && loc.Path == auth.LoginPath {
			return "login"
		}
	}
	return "served"
}

func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
