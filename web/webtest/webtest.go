// Package webtest is what the portal's HTTP tests share: the portal served on a test database,
// requests that fail the test when they cannot be made, and the text of a page.
package webtest

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/radnice/radnice/datasets/demotown/demotest"
	"github.com/radnice/radnice/web"
	"github.com/radnice/radnice/web/auth"
	"github.com/radnice/radnice/web/authtest"
)

// Server serves the portal configured by cfg until the end of t.
func Server(t testing.TB, cfg web.Config) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(web.Handler(t.Context(), cfg))
	t.Cleanup(srv.Close)
	return srv
}

// NewPortal serves the portal on a fresh copy of the demo town until the end of t.
func NewPortal(t testing.TB) *httptest.Server {
	t.Helper()
	return Server(t, web.Config{Pool: demotest.Pool(t)})
}

// client sends requests as they are and never follows redirects.
var client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// Do sends req and returns the response with its whole body; it never follows redirects.
func Do(t testing.TB, req *http.Request) (*http.Response, string) {
	t.Helper()
	return doWith(t, client, req)
}

// doWith sends req with c and returns the response with its whole body.
func doWith(t testing.TB, c *http.Client, req *http.Request) (*http.Response, string) {
	t.Helper()
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

// Get GETs path from srv with request headers (name, value, ...); it never follows redirects.
func Get(t testing.TB, srv *httptest.Server, path string, headers ...string) (*http.Response, string) {
	t.Helper()
	return Do(t, request(t, http.MethodGet, srv.URL+path, nil, headers))
}

// PostForm posts form to path on srv; it never follows redirects.
func PostForm(t testing.TB, srv *httptest.Server, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	return Do(t, request(t, http.MethodPost, srv.URL+path, strings.NewReader(form.Encode()),
		[]string{"Content-Type", "application/x-www-form-urlencoded"}))
}

// GetJSON GETs path from srv, fails t unless the body is JSON, and decodes it into v.
func GetJSON(t testing.TB, srv *httptest.Server, path string, v any) *http.Response {
	t.Helper()
	res, body := Get(t, srv, path)
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: status %d, body is not JSON: %v\n%s", path, res.StatusCode, err, body)
	}
	return res
}

// request is a request of t for target with headers (name, value, ...).
func request(t testing.TB, method, target string, body io.Reader, headers []string) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, target, body)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return req
}

var (
	tags   = regexp.MustCompile(`<[^>]*>`)
	spaces = regexp.MustCompile(`\s+`)
)

// Text is what a reader of HTML gets: tags dropped, entities decoded, runs of white space made one space.
func Text(page string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(tags.ReplaceAllString(page, " ")), " "))
}

// NewPortalWithLogin serves the portal on a fresh copy of the demo town, logging people in
// through the development identity provider (web/authtest).
func NewPortalWithLogin(t testing.TB) *httptest.Server {
	t.Helper()
	return Server(t, web.Config{Pool: demotest.Pool(t), Auth: authtest.Provider(t).PortalConfig()})
}

// LogIn logs the demo person login (datasets/demotown/idp/people.json) in to srv through the
// provider, as staff when the demo gives them a staff role, and registers them at their first
// login. It returns a client with their session that never follows redirects.
func LogIn(t testing.TB, srv *httptest.Server, login string) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{Jar: jar, CheckRedirect: client.CheckRedirect}
	person := authtest.Person(t, login)
	provider := auth.ProviderCitizens
	if person.Role != string(auth.RoleCitizen) {
		provider = auth.ProviderStaff
	}
	res := authtest.Provider(t).Login(t, c, authtest.Form(t, srv.URL+auth.LoginPath+"/"+provider, nil), login, person.Password)
	res.Body.Close()
	if where, _ := res.Location(); res.StatusCode == http.StatusSeeOther && where != nil && where.Path == "/registrace" {
		res, body := doWith(t, c, request(t, http.MethodPost, srv.URL+"/registrace",
			strings.NewReader(url.Values{"email": {person.Claims.EMail}, "consent": {"1"}}.Encode()),
			[]string{"Content-Type", "application/x-www-form-urlencoded"}))
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("registration of %s: status %d\n%s", login, res.StatusCode, Text(body))
		}
		return c
	}
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login of %s: status %d at %s", login, res.StatusCode, res.Request.URL.Path)
	}
	return c
}

// As sends req with c (from LogIn) and returns the response with its whole body.
func As(t testing.TB, c *http.Client, req *http.Request) (*http.Response, string) {
	t.Helper()
	return doWith(t, c, req)
}
