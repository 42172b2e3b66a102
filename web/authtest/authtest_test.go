package authtest_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/radnice/radnice/datasets/demotown"
	"github.com/radnice/radnice/web/authtest"
)

// niaClaims is the claims parameter a portal sends to NIA: the attributes, in the ID token.
const niaClaims = `{"id_token":{"PersonIdentifier":null,"CurrentGivenName":null,"CurrentFamilyName":null,` +
	`"DateOfBirth":null,"CurrentAddress":null,"TRadresaID":null,"eMail":null,"phonenumber":null}}`

// relyingParty is a minimal portal: /login (its login button) starts the code flow with PKCE
// and a nonce, sending its claims parameter if any; /callback exchanges the code, verifies the
// ID token, keeps it and redirects to /ucet; /logout sends the browser to the provider's
// end-session endpoint, which returns it to /odhlaseno.
type relyingParty struct {
	*httptest.Server
	claims     string
	config     oauth2.Config
	verifier   *oidc.IDTokenVerifier
	endSession string

	mu       sync.Mutex
	pending  map[string][2]string // state: PKCE verifier, nonce
	idTokens []string             // raw, verified, in order of arrival
}

func newRelyingParty(t *testing.T, claims string) *relyingParty {
	t.Helper()
	idp := authtest.Provider(t)
	provider, err := oidc.NewProvider(t.Context(), idp.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	var discovery struct {
		EndSession string `json:"end_session_endpoint"`
	}
	if err := provider.Claims(&discovery); err != nil {
		t.Fatal(err)
	}
	rp := &relyingParty{
		claims:     claims,
		verifier:   provider.Verifier(&oidc.Config{ClientID: idp.ClientID}),
		endSession: discovery.EndSession,
		pending:    map[string][2]string{},
	}
	rp.Server = httptest.NewServer(http.HandlerFunc(rp.serve))
	t.Cleanup(rp.Close)
	rp.config = oauth2.Config{
		ClientID:     idp.ClientID,
		ClientSecret: idp.ClientSecret,
		Endpoint:     provider.Endpoint(),
		RedirectURL:  rp.URL + "/callback",
		Scopes:       []string{oidc.ScopeOpenID},
	}
	return rp
}

func (rp *relyingParty) serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/login":
		state, verifier, nonce := oauth2.GenerateVerifier(), oauth2.GenerateVerifier(), oauth2.GenerateVerifier()
		rp.mu.Lock()
		rp.pending[state] = [2]string{verifier, nonce}
		rp.mu.Unlock()
		opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier), oidc.Nonce(nonce)}
		if rp.claims != "" {
			opts = append(opts, oauth2.SetAuthURLParam("claims", rp.claims))
		}
		http.Redirect(w, r, rp.config.AuthCodeURL(state, opts...), http.StatusSeeOther)
	case "/callback":
		rp.mu.Lock()
		flow, ok := rp.pending[r.FormValue("state")]
		delete(rp.pending, r.FormValue("state"))
		rp.mu.Unlock()
		if !ok || r.FormValue("error") != "" {
			http.Error(w, "login failed: "+r.FormValue("error"), http.StatusForbidden)
			return
		}
		token, err := rp.config.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(flow[0]))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		raw, _ := token.Extra("id_token").(string)
		idToken, err := rp.verifier.Verify(r.Context(), raw)
		if err != nil || idToken.Nonce != flow[1] {
			http.Error(w, fmt.Sprintf("ID token refused: %v", err), http.StatusBadGateway)
			return
		}
		rp.mu.Lock()
		rp.idTokens = append(rp.idTokens, raw)
		rp.mu.Unlock()
		http.Redirect(w, r, "/ucet", http.StatusSeeOther)
	case "/logout":
		rp.mu.Lock()
		hint := rp.idTokens[len(rp.idTokens)-1]
		rp.mu.Unlock()
		http.Redirect(w, r, rp.endSession+"?"+url.Values{
			"id_token_hint":            {hint},
			"client_id":                {rp.config.ClientID},
			"post_logout_redirect_uri": {rp.URL + "/odhlaseno"},
		}.Encode(), http.StatusSeeOther)
	case "/ucet":
		io.WriteString(w, "přihlášeno")
	case "/odhlaseno":
		io.WriteString(w, "odhlášeno")
	default:
		http.NotFound(w, r)
	}
}

// lastIDToken is the claims of the last ID token the relying party accepted.
func (rp *relyingParty) lastIDToken(t *testing.T) map[string]any {
	t.Helper()
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if len(rp.idTokens) == 0 {
		t.Fatal("the relying party accepted no ID token")
	}
	idToken, err := rp.verifier.Verify(t.Context(), rp.idTokens[len(rp.idTokens)-1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := idToken.Claims(&claims); err != nil {
		t.Fatal(err)
	}
	return claims
}

// browser is a client with a cookie jar of its own, like a fresh browser.
func browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar}
}

// loggedIn fails t unless res is the relying party's callback sending the browser on to /ucet.
func loggedIn(t *testing.T, res *http.Response) {
	t.Helper()
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/ucet" {
		t.Fatalf("%s: status %d, Location %q, want 303 to /ucet:\n%s", res.Request.URL.Redacted(), res.StatusCode, res.Header.Get("Location"), body)
	}
}

func TestEveryDemoPersonLogsInWithCodeAndPKCEAndGetsTheirNIAAttributesInTheIDToken(t *testing.T) {
	rp := newRelyingParty(t, niaClaims)
	for _, person := range demotown.IdentityPeople() {
		t.Run(person.Login, func(t *testing.T) {
			loggedIn(t, authtest.Provider(t).Login(t, browser(t), authtest.Form(t, rp.URL+"/login", nil), person.Login, person.Password))
			claims := rp.lastIDToken(t)
			var got demotown.IdentityClaims
			if b, err := json.Marshal(claims); err != nil || json.Unmarshal(b, &got) != nil {
				t.Fatalf("claims %v", claims)
			}
			if got != person.Claims {
				t.Errorf("NIA attributes in the ID token\n got %+v\nwant %+v", got, person.Claims)
			}
			if claims["sub"] != person.Claims.PersonIdentifier || claims["acr"] != person.LoA {
				t.Errorf("sub %v, acr %v; want PersonIdentifier %s and the level of assurance %s",
					claims["sub"], claims["acr"], person.Claims.PersonIdentifier, person.LoA)
			}
		})
	}
}

func TestJanaHasHerAddressPointInTheIDToken(t *testing.T) {
	rp := newRelyingParty(t, niaClaims)
	jana := authtest.Person(t, "jana")
	loggedIn(t, authtest.Provider(t).Login(t, browser(t), authtest.Form(t, rp.URL+"/login", nil), "jana", "obcan-demo"))
	claims := rp.lastIDToken(t)
	if claims["TRadresaID"] != "1009830" || claims["CurrentAddress"] != "Česká 1318/30, 742 21 Kopřivnice" || jana.AddressCode() != 1009830 {
		t.Errorf("TRadresaID %v, CurrentAddress %v; want Česká 1318/30 (1009830)", claims["TRadresaID"], claims["CurrentAddress"])
	}
	if claims["acr"] != "http://eidas.europa.eu/LoA/substantial" {
		t.Errorf("acr %v, want eIDAS substantial", claims["acr"])
	}
}

func TestWithoutTheClaimsParameterTheIDTokenHoldsNoAttributes(t *testing.T) {
	rp := newRelyingParty(t, "")
	loggedIn(t, authtest.Provider(t).Login(t, browser(t), authtest.Form(t, rp.URL+"/login", nil), "petr", "obcan-demo"))
	claims := rp.lastIDToken(t)
	if claims["sub"] != authtest.Person(t, "petr").Claims.PersonIdentifier {
		t.Errorf("sub %v, want Petr's PersonIdentifier", claims["sub"])
	}
	for _, name := range []string{"PersonIdentifier", "CurrentGivenName", "TRadresaID", "eMail"} {
		if v, ok := claims[name]; ok {
			t.Errorf("%s = %v in the ID token, not asked for", name, v)
		}
	}
}

func TestAWrongPasswordShowsTheErrorOnTheLoginFormAgain(t *testing.T) {
	rp := newRelyingParty(t, niaClaims)
	idp := authtest.Provider(t)
	res := idp.Login(t, browser(t), authtest.Form(t, rp.URL+"/login", nil), "jana", "spatne-heslo")
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	page := string(body)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Request.URL.String(), idp.Issuer+"/interaction/") {
		t.Fatalf("%s: status %d, want the provider's login form", res.Request.URL.Redacted(), res.StatusCode)
	}
	for _, want := range []string{
		"Přihlášení – demo Identita občana",
		`<label for="login">Uživatelské jméno</label>`,
		`<label for="password">Heslo</label>`,
		"Uživatelské jméno nebo heslo není správné.",
		`value="jana"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the login form lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "spatne-heslo") {
		t.Error("the login form shows the password typed")
	}
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if len(rp.idTokens) != 0 {
		t.Error("the relying party got an ID token")
	}
}

func TestGoingBackWithoutLoggingInReturnsAccessDeniedToThePortal(t *testing.T) {
	rp := newRelyingParty(t, niaClaims)
	client := browser(t)
	form, err := client.Get(rp.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	form.Body.Close()
	res, err := client.Get(form.Request.URL.String() + "/abort")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.Request.URL.Path != "/callback" || !strings.Contains(string(body), "access_denied") {
		t.Errorf("after going back: %s status %d %q, want the portal's callback with access_denied", res.Request.URL.Path, res.StatusCode, body)
	}
}

func TestTheProviderRefusesAuthorizationWithoutPKCE(t *testing.T) {
	rp := newRelyingParty(t, "")
	res, err := noRedirects.Get(rp.config.AuthCodeURL("state-1"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc, err := res.Location()
	if err != nil || loc.Query().Get("error") != "invalid_request" || !strings.HasPrefix(loc.String(), rp.URL+"/callback?") {
		t.Errorf("status %d, Location %v: want the callback with error=invalid_request", res.StatusCode, loc)
	}
}

func TestTheProviderRedirectsOnlyToLoopbackOrRegisteredAddresses(t *testing.T) {
	rp := newRelyingParty(t, "")
	idp := authtest.Provider(t)
	for redirect, allowed := range map[string]bool{
		"http://localhost:1234/prihlaseni/navrat":              true,
		"http://127.0.0.1:4321/jinde":                          true,
		"https://radnice.koprivnice.example/prihlaseni/navrat": true,
		"https://radnice.koprivnice.example/jinde":             false,
		"http://portal.example/prihlaseni/navrat":              false,
	} {
		config := rp.config
		config.RedirectURL = redirect
		res, err := noRedirects.Get(config.AuthCodeURL("state-2", oauth2.S256ChallengeOption(oauth2.GenerateVerifier())))
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		loc, _ := res.Location()
		// An allowed address gets the login interaction; another one is refused on the spot.
		if got := loc != nil && strings.HasPrefix(loc.String(), idp.Issuer+"/interaction/"); got != allowed {
			t.Errorf("redirect_uri %s: status %d, Location %v; want allowed %v", redirect, res.StatusCode, loc, allowed)
		}
	}
}

func TestLogoutEndsTheSessionAtTheProviderAndReturnsToThePortal(t *testing.T) {
	rp := newRelyingParty(t, niaClaims)
	idp := authtest.Provider(t)
	client := browser(t)
	loggedIn(t, idp.Login(t, client, authtest.Form(t, rp.URL+"/login", nil), "referent", "referent-demo"))

	res := idp.Logout(t, client, authtest.Form(t, rp.URL+"/logout", nil))
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.Request.URL.String() != rp.URL+"/odhlaseno" || string(body) != "odhlášeno" {
		t.Fatalf("after logout: %s status %d %q, want the portal's /odhlaseno", res.Request.URL.Redacted(), res.StatusCode, body)
	}
	// The provider asks for the password again (Login fails the test when no form shows).
	loggedIn(t, idp.Login(t, client, authtest.Form(t, rp.URL+"/login", nil), "redaktorka", "redaktor-demo"))
	if sub := rp.lastIDToken(t)["sub"]; sub != authtest.Person(t, "redaktorka").Claims.PersonIdentifier {
		t.Errorf("after logging in again as another person, sub %v", sub)
	}
}

// noRedirects sends requests and returns their answers as they are.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
