package auth_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/radnice/radnice/web/authtest"
	"github.com/radnice/radnice/web/webtest"
)

// browser is a cookie-keeping client that does not follow redirects.
func browser(t *testing.T) *http.Client {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func sessionCookie(c *http.Client, srv string) string {
	u, _ := url.Parse(srv)
	for _, k := range c.Jar.Cookies(u) {
		if k.Name == "radnice_session" {
			return k.Value
		}
	}
	return ""
}

func get(t *testing.T, c *http.Client, target string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	return webtest.As(t, c, req)
}

func TestAFirstLoginRegistersThePersonWithTheirConsentAndTheNextOneGoesStraightIn(t *testing.T) {
	srv := webtest.NewPortalWithLogin(t)
	idp := authtest.Provider(t)
	jana := authtest.Person(t, "jana")
	c := browser(t)

	res := idp.Login(t, c, authtest.Form(t, srv.URL+"/prihlaseni/nia", url.Values{"zpet": {"/moje-adresa"}}), "jana", jana.Password)
	if loc, _ := res.Location(); res.StatusCode != http.StatusSeeOther || loc.Path != "/registrace" {
		t.Fatalf("first login: status %d to %v, want registration", res.StatusCode, loc)
	}
	beforeLogin := sessionCookie(c, srv.URL)
	_, page := get(t, c, srv.URL+"/registrace")
	text := webtest.Text(page)
	for _, want := range []string{"Jana Nováková", "12. dubna 1985", "Česká 1318/30, 742 21 Kopřivnice", "značná", jana.Claims.EMail} {
		if !strings.Contains(text+page, want) {
			t.Errorf("the registration page lacks %q:\n%s", want, text)
		}
	}
	// Without consent, and with a broken phone number, nothing is made.
	res, page = webtest.As(t, c, authtest.Form(t, srv.URL+"/registrace", url.Values{"email": {jana.Claims.EMail}, "phone": {"12 34"}}))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, `href="#consent"`) || !strings.Contains(page, `href="#phone"`) {
		t.Fatalf("registration without consent: status %d\n%s", res.StatusCode, webtest.Text(page))
	}
	res, _ = webtest.As(t, c, authtest.Form(t, srv.URL+"/registrace", url.Values{"email": {jana.Claims.EMail}, "phone": {"601 234 567"}, "consent": {"1"}}))
	if loc, _ := res.Location(); res.StatusCode != http.StatusSeeOther || loc.Path != "/moje-adresa" {
		t.Fatalf("registration: status %d to %v, want back to /moje-adresa", res.StatusCode, loc)
	}
	if after := sessionCookie(c, srv.URL); after == "" || after == beforeLogin {
		t.Error("the session token was not renewed at login")
	}
	_, page = get(t, c, srv.URL+"/")
	if !strings.Contains(page, "Odhlásit se") || strings.Contains(page, ">Přihlásit se<") {
		t.Error("the page header does not show Jana logged in")
	}

	// Logging out ends the portal's session and the provider's, and comes back.
	res = idp.Logout(t, c, authtest.Form(t, srv.URL+"/odhlaseni", nil))
	if res.StatusCode != http.StatusOK || res.Request.URL.Path != "/odhlaseno" {
		t.Fatalf("logout ended at %s with status %d", res.Request.URL.Path, res.StatusCode)
	}
	res.Body.Close()
	_, page = get(t, c, srv.URL+"/")
	if strings.Contains(page, "Odhlásit se") {
		t.Error("still logged in after logging out")
	}

	// The second login knows her: no registration.
	res = idp.Login(t, c, authtest.Form(t, srv.URL+"/prihlaseni/nia", nil), "jana", jana.Password)
	if loc, _ := res.Location(); res.StatusCode != http.StatusSeeOther || loc.Path == "/registrace" {
		t.Fatalf("second login: status %d to %v", res.StatusCode, loc)
	}
}

func TestACallbackThatDoesNotMatchTheLoginItAnswersIsRefused(t *testing.T) {
	srv := webtest.NewPortalWithLogin(t)
	c := browser(t)
	// Straight to the callback, with a state no login of this browser sent.
	res, page := get(t, c, srv.URL+"/prihlaseni/navrat?state=forged&code=stolen")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(page, "nepodařilo dokončit") {
		t.Errorf("forged callback: status %d\n%s", res.StatusCode, webtest.Text(page))
	}
	// The person cancels at the provider.
	res, _ = webtest.As(t, c, authtest.Form(t, srv.URL+"/prihlaseni/nia", nil))
	to, _ := res.Location()
	state := to.Query().Get("state")
	res, _ = get(t, c, srv.URL+"/prihlaseni/navrat?error=access_denied&state="+url.QueryEscape(state))
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("cancelled login: status %d, want 400", res.StatusCode)
	}
}

func TestTheLoginCallbackIsRateLimitedPerClient(t *testing.T) {
	srv := webtest.NewPortalWithLogin(t)
	c := browser(t)
	var last int
	for range 25 {
		res, _ := get(t, c, srv.URL+"/prihlaseni/navrat?state=x&code=y")
		last = res.StatusCode
	}
	if last != http.StatusTooManyRequests {
		t.Errorf("the 25th callback in a row: status %d, want 429", last)
	}
}

func TestPagesOnlyTheLoggedInMaySeeSendOthersToLogInAndBack(t *testing.T) {
	srv := webtest.NewPortalWithLogin(t)
	res, _ := webtest.Get(t, srv, "/en/sprava")
	loc, _ := res.Location()
	if res.StatusCode != http.StatusSeeOther || loc.Path != "/en/prihlaseni" || loc.Query().Get("zpet") != "/en/sprava" {
		t.Fatalf("anonymous /en/sprava: status %d to %v", res.StatusCode, loc)
	}
	// A login told to return elsewhere stays on the site.
	for _, elsewhere := range []string{"//evil.example/", "/\t/evil.example", "/\\evil.example", "https://evil.example/"} {
		c := browser(t)
		res = authtest.Provider(t).Login(t, c, authtest.Form(t, srv.URL+"/prihlaseni/urad", url.Values{"zpet": {elsewhere}}), "redaktorka", "redaktor-demo")
		res.Body.Close()
		if loc, _ := res.Location(); loc != nil && loc.Path == "/registrace" {
			res, _ = webtest.As(t, c, authtest.Form(t, srv.URL+"/registrace", url.Values{"consent": {"1"}}))
		}
		if loc, _ := res.Location(); loc == nil || loc.Host != strings.TrimPrefix(srv.URL, "http://") || loc.Path != "/muj-ucet" {
			t.Errorf("a login told to return to %q returned to %v", elsewhere, loc)
		}
	}
}
