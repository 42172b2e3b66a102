package authtest

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxRedirects is how many redirects one step of a flow may take.
const maxRedirects = 20

// Login logs in as the demo person login with password, as a browser without JavaScript would:
// it sends start, the portal's login (such as Form(t, portal.URL+"/prihlaseni/nia", nil), its
// login button), with client, whose cookie jar keeps the sessions; it fills in and posts the
// provider's login form and follows the redirects back to the portal. It returns the portal's
// answer at its callback (redirects from there are not followed), or with wrong credentials the
// provider's login form again, showing the error. The caller closes the response's body.
func (p *IdP) Login(t testing.TB, client *http.Client, start *http.Request, login, password string) *http.Response {
	t.Helper()
	page := p.visit(t, client, start)
	action, fields := p.form(t, page, "login form")
	fields.Set("login", login)
	fields.Set("password", password)
	return p.visit(t, client, Form(t, action.String(), fields))
}

// Logout sends start, the portal's logout (such as Form(t, portal.URL+"/odhlaseni", nil)), with
// client; it confirms the logout on the provider's end-session page and follows the redirects
// back to the portal's post-logout address. It returns the portal's answer there; the caller
// closes the response's body.
func (p *IdP) Logout(t testing.TB, client *http.Client, start *http.Request) *http.Response {
	t.Helper()
	page := p.visit(t, client, start)
	action, fields := p.form(t, page, "logout page")
	fields.Set("logout", "yes")
	return p.visit(t, client, Form(t, action.String(), fields))
}

// Form is the POST of an HTML form with fields to target, as a browser sends it.
func Form(t testing.TB, target string, fields url.Values) *http.Request {
	t.Helper()
	req := newRequest(t, http.MethodPost, target, strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// visit sends req with client and follows the redirects that lead to the provider or leave it
// (the portal's callback). It returns the first other response: a provider page, or the
// portal's answer after the provider.
func (p *IdP) visit(t testing.TB, client *http.Client, req *http.Request) *http.Response {
	t.Helper()
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for range maxRedirects {
		res, err := c.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", req.Method, req.URL.Redacted(), err)
		}
		next, err := res.Location()
		if res.StatusCode < 300 || res.StatusCode > 399 || err != nil || !p.owns(req.URL) && !p.owns(next) {
			return res
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		req = newRequest(t, http.MethodGet, next.String(), nil)
	}
	t.Fatalf("more than %d redirects after %s", maxRedirects, req.URL.Redacted())
	return nil
}

// owns reports whether u is on the provider.
func (p *IdP) owns(u *url.URL) bool {
	return u.Scheme+"://"+u.Host == p.Issuer
}

// form reads the first form of the provider's page res (which it closes): where it posts, and
// the values of its inputs.
func (p *IdP) form(t testing.TB, res *http.Response, what string) (*url.URL, url.Values) {
	t.Helper()
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if !p.owns(res.Request.URL) || res.StatusCode != http.StatusOK {
		t.Fatalf("want the identity provider's %s, got %s %s, status %d:\n%s",
			what, res.Request.Method, res.Request.URL.Redacted(), res.StatusCode, body)
	}
	doc, err := html.Parse(strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.DataAtom != atom.Form {
			continue
		}
		action, err := res.Request.URL.Parse(attr(n, "action"))
		if err != nil {
			t.Fatalf("%s: form action: %v", what, err)
		}
		fields := url.Values{}
		for input := range n.Descendants() {
			if input.DataAtom == atom.Input && attr(input, "name") != "" {
				fields.Set(attr(input, "name"), attr(input, "value"))
			}
		}
		return action, fields
	}
	t.Fatalf("no form on the identity provider's %s:\n%s", what, body)
	return nil, nil
}

// attr is the value of n's attribute name, "" without one.
func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func newRequest(t testing.TB, method, target string, body io.Reader) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, target, body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
